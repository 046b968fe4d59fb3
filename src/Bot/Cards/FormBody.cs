using ChatCrm.Domain.Common;

namespace ChatCrm.Bot.Cards;

/// <summary>
/// The body of a form card as every form shows it: a notice and a warning on top when fields were refused, and each
/// input followed by its own error, so Teams and Slack put the reason right under the field.
/// </summary>
public sealed class FormBody
{
    private readonly List<CardBlock> _blocks = [];
    private readonly IReadOnlyDictionary<string, string>? _errors;

    public FormBody(LanguageCode language, IReadOnlyDictionary<string, string>? errors, string? notice = null)
    {
        _errors = errors;
        if (notice is not null)
            _blocks.Add(new CardText(notice, TextEmphasis.Warning));
        if (errors is { Count: > 0 })
            _blocks.Add(new CardText(language.Pick("Nothing was saved yet: please check the fields marked ⚠.", "Aún no se ha guardado nada: revisa los campos marcados con ⚠."),
                TextEmphasis.Warning));
    }

    public IReadOnlyList<CardBlock> Blocks => _blocks;

    /// <summary>An input, followed by the error refused for <paramref name="field"/> if there is one.</summary>
    public void Add(CardBlock input, string field)
    {
        _blocks.Add(input);
        if (_errors is not null && _errors.TryGetValue(field, out var message))
            _blocks.Add(new CardText("⚠ " + message, TextEmphasis.Warning));
    }

    /// <summary>A block that is no input (a hint, a section).</summary>
    public void Add(CardBlock block) => _blocks.Add(block);
}
