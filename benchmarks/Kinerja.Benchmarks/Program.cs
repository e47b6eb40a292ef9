using BenchmarkDotNet.Running;

namespace Kinerja.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Kinerja.Benchmarks -- --filter '*'</c> runs every benchmark;
/// <c>-- --smoke</c> runs each scenario without BenchmarkDotNet and prints time, allocations and peak memory;
/// <c>-- --tables</c> measures the Azure Tables adapters on Azurite (requests and milliseconds, <see cref="TablesBeban"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Contains("--tables", StringComparer.Ordinal))
        {
            return TablesBeban.JalankanAsync(Console.Out).GetAwaiter().GetResult();
        }

        if (args.Contains("--smoke", StringComparer.Ordinal))
        {
            return Smoke.Jalankan(Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
