using System.Globalization;
using ChatCrm.Domain.Common;

namespace ChatCrm.Domain.Satisfaction;

/// <summary>A customer's checked answer: a score of 1–5 and, if they wrote one, a comment (trimmed, at most 1,000 characters).</summary>
public sealed record SatisfactionAnswer(int Score, string? Comment)
{
    /// <summary>1 or 2: the work group's manager is told at once.</summary>
    public bool IsLow => SatisfactionRules.IsLow(Score);

    /// <summary>Reads the form's values; a missing or odd score, or an over-long comment, is refused with the reason in both languages.</summary>
    public static (SatisfactionAnswer? Answer, LocalizedText? Problem) Read(string? score, string? comment)
    {
        if (!int.TryParse(score?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value is < SatisfactionSurvey.MinScore or > SatisfactionSurvey.MaxScore)
        {
            return (null, new LocalizedText("Please choose a score from 1 to 5.", "Elige una puntuación del 1 al 5."));
        }
        var text = comment?.Trim();
        if (text is { Length: > SatisfactionSurvey.MaxCommentLength })
        {
            return (null, new LocalizedText($"The comment is too long: at most {SatisfactionSurvey.MaxCommentLength} characters, please.",
                $"El comentario es demasiado largo: como máximo {SatisfactionSurvey.MaxCommentLength} caracteres, por favor."));
        }
        return (new SatisfactionAnswer(value, string.IsNullOrEmpty(text) ? null : text), null);
    }
}
