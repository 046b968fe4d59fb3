using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ChatCrm.Benchmarks;

/// <summary>
/// For the per-turn database paths: a bounded run (the database ones take milliseconds each and the big databases
/// are slow to warm) with the tail shown beside the mean, since a chat user feels the slow turns.
/// </summary>
public sealed class LatencyConfig : ManualConfig
{
    public LatencyConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithoutReadyToRun());
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
    }
}
