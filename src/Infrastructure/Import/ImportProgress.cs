namespace ChatCrm.Infrastructure.Import;

/// <summary>How far an import is: rows done out of the rows the file holds (counted before the first is read).</summary>
public sealed record ImportProgress(string Stage, long Done, long Total);
