namespace ChatCrm.Bot.Features.Import;

/// <summary>The one line an import prints when the database or the disk fails under it: the innermost message, which names the cause.</summary>
internal static class ImportFailure
{
    public static string Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var innermost = failure;
        while (innermost.InnerException is not null)
            innermost = innermost.InnerException;
        var message = innermost.Message.ReplaceLineEndings(" ");
        return innermost == failure ? message : $"{failure.Message.ReplaceLineEndings(" ")} ({message})";
    }
}
