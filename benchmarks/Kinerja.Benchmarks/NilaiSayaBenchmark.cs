using BenchmarkDotNet.Attributes;
using Kinerja.Cards;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Benchmarks;

/// <summary>
/// (b) One "nilai saya" card's scoring — <c>NilaiPegawai</c> + <c>Tren</c> + <c>NkoKonteks</c> for TW III 2026 — for
/// a pelaksana and for a unit head, inside the full synthetic ministry (made in <see cref="Setup"/>, not measured).
/// <see cref="KartuNilaiSaya"/> adds what the bot does next: render the Adaptive Card and serialise it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class NilaiSayaBenchmark
{
    private Penilai _penilai = null!;
    private DataKantor _data = null!;
    private Pegawai _pegawai = null!;

    [Params(Peran.Pelaksana, Peran.KepalaUnit)]
    public Peran Peran { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = Skenario.Data;
        _penilai = Skenario.BuatPenilai();
        _pegawai = Skenario.Contoh(_data, Peran);
    }

    [Benchmark(Baseline = true)]
    public HasilNilaiSaya NilaiSaya() => Skenario.NilaiSaya(_penilai, _data, _pegawai);

    /// <summary>Scoring plus <c>NilaiSayaCard.Render</c> and the card's JSON: the whole answer but the HTTP call.</summary>
    [Benchmark]
    public string KartuNilaiSaya()
    {
        var hasil = Skenario.NilaiSaya(_penilai, _data, _pegawai);
        var model = new NilaiSayaModel(hasil.Nilai, hasil.Tren, hasil.Konteks, _penilai.Kebijakan, [1, 2, 3]);
        return NilaiSayaCard.Render(model).ToJsonString();
    }
}
