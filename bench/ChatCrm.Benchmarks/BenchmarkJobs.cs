using BenchmarkDotNet.Jobs;

namespace ChatCrm.Benchmarks;

/// <summary>
/// The job settings every benchmark shares. BenchmarkDotNet builds its own copy of the bot; a Release build of the bot
/// normally also precompiles it for this machine (ReadyToRun, which needs a runtime-specific restore that
/// BenchmarkDotNet's restore does not do). Benchmarks measure warmed-up code, so that step is switched off for them.
/// </summary>
public static class BenchmarkJobs
{
    public static Job WithoutReadyToRun(this Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.WithArguments([new MsBuildArgument("/p:ReadyToRunOnBuild=false")]);
    }
}
