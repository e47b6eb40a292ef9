using BenchmarkDotNet.Attributes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Benchmarks;

/// <summary>
/// (a) The recap of the whole synthetic ministry (80,000 employees, 2,500 units) for TW III 2026. The data is made in
/// <see cref="Setup"/> and not measured. Few iterations: one operation takes a good part of a second.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class RekapKementerianBenchmark
{
    private Penilai _penilai = null!;
    private DataKantor _data = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = Skenario.Data;
        _penilai = Skenario.BuatPenilai();
    }

    [Benchmark]
    public Rekap Rekap() => Skenario.RekapKementerian(_penilai, _data);
}
