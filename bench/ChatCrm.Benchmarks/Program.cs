using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ChatCrm.Benchmarks;

// dotnet run -c Release --project bench/ChatCrm.Benchmarks -- --filter '*Card*'   (see BenchDatabase for the database ones)
BenchmarkSwitcher.FromAssembly(typeof(BenchDatabase).Assembly)
    .Run(args, DefaultConfig.Instance.AddJob(Job.Default.WithoutReadyToRun().AsDefault()));
