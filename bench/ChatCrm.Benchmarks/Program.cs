using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ChatCrm.Benchmarks -- --filter '*Card*'   (see BenchDatabase for the database ones)
BenchmarkSwitcher.FromAssembly(typeof(ChatCrm.Benchmarks.BenchDatabase).Assembly).Run(args);
