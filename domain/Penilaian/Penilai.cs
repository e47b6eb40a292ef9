using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Penilaian;

/// <summary>
/// Computes scores by a <see cref="KebijakanPenilaian"/> (domain.md §3–5): realisasi → indeks capaian IKU → NSS → Np →
/// NKO, and CKP, NP, NKP, NPKP and predikat for employees. Everything in <see cref="decimal"/>; rounding happens only
/// where a predikat is taken and in the presentation.
/// </summary>
public sealed class Penilai(KebijakanPenilaian kebijakan)
{
    public KebijakanPenilaian Kebijakan { get; } = kebijakan;

    /// <summary>Indeks capaian of a consolidated realisation against its target, clamped by the policy.</summary>
    public decimal IndeksCapaian(Polaritas polaritas, decimal realisasi, Target target) => polaritas switch
    {
        Polaritas.Maximize => Maximize(realisasi, target.Nilai),
        Polaritas.Minimize => Minimize(realisasi, target.Nilai),
        Polaritas.Stabilize => Stabilize(realisasi, target),
        _ => throw new ArgumentOutOfRangeException(nameof(polaritas)),
    };

    private decimal Maximize(decimal r, decimal t) =>
        // R / T is undefined for T = 0: the policy says what such a result is worth (U, not in domain.md).
        t == 0
            ? (r >= 0 ? Kebijakan.MaximizeTargetNolRealisasiTidakNegatif : Kebijakan.MaximizeTargetNolRealisasiNegatif)
            : Clamp(r / t * 100);

    private decimal Minimize(decimal r, decimal t)
    {
        if (t == 0)
        {
            // domain.md §3: Minimize with T = 0 — R = 0 is the best possible result, anything above it is 0 (U).
            return r <= 0 ? Kebijakan.MinimizeTargetNolRealisasiNol : Kebijakan.MinimizeTargetNolRealisasiPositif;
        }

        return Clamp((2 - (r / t)) * 100);
    }

    private decimal Stabilize(decimal r, Target t)
    {
        var atas = t.Atas ?? t.Nilai;
        if (r >= t.Nilai && r <= atas)
        {
            return Clamp(100);
        }

        return r > atas ? Minimize(r, atas) : Maximize(r, t.Nilai);
    }

    private decimal Clamp(decimal ic) => Math.Clamp(ic, Kebijakan.IcBatasBawah, Kebijakan.IcBatasAtas);

    /// <summary>
    /// Consolidates an IKU year to date up to <paramref name="triwulan"/> (domain.md §4) and scores it. Quarters
    /// without a target do not count; a quarter with a target but no realisation leaves the IKU out and makes the
    /// score provisional.
    /// </summary>
    public CapaianIku NilaiIku(Iku iku, int triwulan)
    {
        Span<int> denganTarget = stackalloc int[4];
        var n = 0;
        List<int>? tanpaRealisasi = null;
        for (var tw = 1; tw <= triwulan; tw++)
        {
            if (iku.TargetTriwulan(tw) is null)
            {
                continue;
            }

            denganTarget[n++] = tw;
            if (iku.RealisasiTriwulan(tw) is null)
            {
                (tanpaRealisasi ??= []).Add(tw);
            }
        }

        if (n == 0)
        {
            return new CapaianIku(iku, KeadaanIku.TanpaTarget, null, null, null, null, []);
        }

        if (tanpaRealisasi is not null)
        {
            return new CapaianIku(iku, KeadaanIku.BelumAdaRealisasi, null, null, null, null, tanpaRealisasi);
        }

        decimal r, t;
        decimal? atas;
        switch (iku.Konsolidasi)
        {
            case JenisKonsolidasi.Sum:
            case JenisKonsolidasi.Average:
                decimal sr = 0, st = 0, sa = 0;
                for (var i = 0; i < n; i++)
                {
                    var target = iku.TargetTriwulan(denganTarget[i])!.Value;
                    sr += iku.RealisasiTriwulan(denganTarget[i])!.Value;
                    st += target.Nilai;
                    sa += target.Atas ?? target.Nilai;
                }

                var pembagi = iku.Konsolidasi == JenisKonsolidasi.Average ? n : 1;
                (r, t, atas) = (sr / pembagi, st / pembagi, iku.Polaritas == Polaritas.Stabilize ? sa / pembagi : null);
                break;
            case JenisKonsolidasi.TakeLastKnownValue:
                var terakhir = denganTarget[n - 1];
                var tt = iku.TargetTriwulan(terakhir)!.Value;
                (r, t, atas) = (iku.RealisasiTriwulan(terakhir)!.Value, tt.Nilai, tt.Atas);
                break;
            default:
                throw new InvalidOperationException($"Konsolidasi {iku.Konsolidasi} tidak dikenal");
        }

        var targetKonsolidasi = new Target(t, atas);
        var ic = IndeksCapaian(iku.Polaritas, r, targetKonsolidasi);
        return new CapaianIku(iku, KeadaanIku.Dinilai, r, targetKonsolidasi, ic, Kebijakan.Warna(ic), []);
    }

    public bool PemilikPetaStrategi(Pegawai pegawai, DataKantor data) =>
        pegawai.KepalaUnit && data.CariUnit(pegawai.KodeUnit) is { } unit && Kebijakan.LevelPemilikPetaStrategi.Contains(unit.Level);

    /// <summary>NKO of a unit whose head owns a strategy map; null when the unit has no such head or no contract.</summary>
    public HasilNko? Nko(DataKantor data, Unit unit, Periode periode)
    {
        if (!Kebijakan.LevelPemilikPetaStrategi.Contains(unit.Level) || data.KepalaUnit(unit.Kode) is not { } kepala)
        {
            return null;
        }

        if (data.CariKontrak(periode.Tahun, kepala.Nip) is not { } kontrak)
        {
            return new HasilNko(unit, kepala, periode, null, null, [], [], [], [new Kekurangan(JenisKekurangan.KontrakKinerja)]);
        }

        var capaian = NilaiSemua(kontrak, periode.Triwulan);
        var kekurangan = KekuranganIku(capaian);

        // NSS: weighted mean of the IC of the IKU in the objective (IKU weights), in the order of the contract.
        var sasaran = new List<NilaiSasaranStrategis>();
        foreach (var grup in capaian.Where(c => c.Keadaan == KeadaanIku.Dinilai)
                     .GroupBy(c => (c.Iku.Perspektif, c.Iku.SasaranStrategis)))
        {
            decimal jumlah = 0, bobot = 0;
            foreach (var c in grup)
            {
                jumlah += c.IndeksCapaian!.Value * c.Iku.Bobot.Nilai;
                bobot += c.Iku.Bobot.Nilai;
            }

            sasaran.Add(new NilaiSasaranStrategis(grup.Key.Perspektif, grup.Key.SasaranStrategis, jumlah / bobot, grup.ToList()));
        }

        // Np: mean of the NSS in the perspective; perspectives without a scored IKU drop out and the remaining
        // weights are re-normalised (domain.md §3).
        var perspektif = sasaran.GroupBy(s => s.Perspektif)
            .Select(g => (Perspektif: g.Key, Nilai: g.Average(s => s.Nilai), Bobot: Kebijakan.BobotPerspektif.GetValueOrDefault(g.Key)))
            .Where(p => p.Bobot > 0)
            .OrderBy(p => p.Perspektif)
            .ToList();
        var totalBobot = perspektif.Sum(p => p.Bobot);
        decimal? nko = totalBobot == 0 ? null : perspektif.Sum(p => p.Nilai * p.Bobot) / totalBobot;
        var hasilPerspektif = perspektif.Select(p => new NilaiPerspektif(p.Perspektif, p.Nilai, p.Bobot, p.Bobot / totalBobot * 100)).ToList();
        var predikat = nko is { } v ? Kebijakan.PredikatNko.Untuk(Kebijakan.Bulatkan(v)) : null;
        return new HasilNko(unit, kepala, periode, nko, predikat, hasilPerspektif, sasaran, capaian, kekurangan);
    }

    /// <summary>The NKO of the nearest unit up the tree (the unit itself first) whose head owns a strategy map.</summary>
    public HasilNko? NkoKonteks(DataKantor data, Pegawai pegawai, Periode periode)
    {
        var unit = data.CariUnit(pegawai.KodeUnit);
        var dilihat = new HashSet<string>(StringComparer.Ordinal);
        while (unit is not null && dilihat.Add(unit.Kode))
        {
            if (Nko(data, unit, periode) is { } hasil)
            {
                return hasil;
            }

            unit = unit.KodeInduk is null ? null : data.CariUnit(unit.KodeInduk);
        }

        return null;
    }

    /// <summary>CKP, NP, NKP, NPKP and predikat of an employee for a period.</summary>
    public HasilPegawai NilaiPegawai(DataKantor data, Pegawai pegawai, Periode periode) =>
        NilaiPegawai(data, pegawai, periode, nkoPerUnit: null);

    private HasilPegawai NilaiPegawai(DataKantor data, Pegawai pegawai, Periode periode, Dictionary<string, HasilNko?>? nkoPerUnit)
    {
        var kekurangan = new List<Kekurangan>();
        var kontrak = data.CariKontrak(periode.Tahun, pegawai.Nip);
        IReadOnlyList<CapaianIku> capaian = kontrak is null ? [] : NilaiSemua(kontrak, periode.Triwulan);
        decimal? ckp = null;
        HasilNko? dariNko = null;

        if (kontrak is null)
        {
            kekurangan.Add(new Kekurangan(JenisKekurangan.KontrakKinerja));
        }
        else if (PemilikPetaStrategi(pegawai, data))
        {
            // A strategy-map owner's CKP is the unit's NKO (domain.md §5).
            if (nkoPerUnit is null || !nkoPerUnit.TryGetValue(pegawai.KodeUnit, out dariNko))
            {
                dariNko = Nko(data, data.CariUnit(pegawai.KodeUnit)!, periode);
                nkoPerUnit?.Add(pegawai.KodeUnit, dariNko);
            }

            capaian = dariNko!.Iku;
            ckp = dariNko.Nko is { } nko ? Math.Clamp(nko, Kebijakan.CkpBatasBawah, Kebijakan.CkpBatasAtas) : null;
            kekurangan.AddRange(dariNko.Kekurangan);
        }
        else
        {
            // Everyone else: the weighted mean of the IC of the IKU in the contract; IKU left out of the period
            // (no target, or realisation missing) take their weight with them.
            decimal jumlah = 0, bobot = 0;
            foreach (var c in capaian)
            {
                if (c.Keadaan == KeadaanIku.Dinilai)
                {
                    jumlah += c.IndeksCapaian!.Value * c.Iku.Bobot.Nilai;
                    bobot += c.Iku.Bobot.Nilai;
                }
            }

            ckp = bobot == 0 ? null : Math.Clamp(jumlah / bobot, Kebijakan.CkpBatasBawah, Kebijakan.CkpBatasAtas);
            kekurangan.AddRange(KekuranganIku(capaian));
        }

        var perilaku = data.CariPerilaku(periode.Tahun, pegawai.Nip);
        if (perilaku is null)
        {
            kekurangan.Add(new Kekurangan(JenisKekurangan.NilaiPerilaku));
        }

        var pengurang = perilaku is null ? (decimal?)null : Math.Min(perilaku.Pengurang, Kebijakan.PengurangMaksimal);
        decimal? nkp = null, npkp = null;
        string? predikat = null;
        if (ckp is { } c2 && perilaku is not null)
        {
            // NKP uses NP after the (capped) penalties; NPKP of PP 46 uses NP before them (domain.md §5).
            var npSetelah = Math.Max(0, perilaku.Nilai - pengurang!.Value);
            nkp = ((c2 * Kebijakan.BobotCkp) + (npSetelah * Kebijakan.BobotNp)) / 100;
            npkp = ((c2 * Kebijakan.BobotNskpNpkp) + (perilaku.Nilai * Kebijakan.BobotNpNpkp)) / 100;
            predikat = Kebijakan.PredikatPegawai.Untuk(Kebijakan.Bulatkan(nkp.Value));
        }

        return new HasilPegawai(pegawai, periode, capaian, ckp, dariNko, perilaku?.Nilai, pengurang, nkp, npkp, predikat, kekurangan);
    }

    /// <summary>The recap of an office for a period: every map-owning unit, then every employee, in data order.</summary>
    public Rekap Rekap(DataKantor data, Periode periode)
    {
        var nkoPerUnit = new Dictionary<string, HasilNko?>(StringComparer.Ordinal);
        var unit = new List<HasilNko>();
        foreach (var u in data.Unit)
        {
            var hasil = Nko(data, u, periode);
            nkoPerUnit[u.Kode] = hasil;
            if (hasil is not null)
            {
                unit.Add(hasil);
            }
        }

        var pegawai = new List<HasilPegawai>(data.Pegawai.Count);
        foreach (var p in data.Pegawai)
        {
            pegawai.Add(NilaiPegawai(data, p, periode, nkoPerUnit));
        }

        return new Rekap(periode, unit, pegawai);
    }

    /// <summary>The employee's scores for every quarter of the year up to <paramref name="sampai"/>: the trend.</summary>
    public IReadOnlyList<HasilPegawai> Tren(DataKantor data, Pegawai pegawai, Periode sampai)
    {
        var hasil = new List<HasilPegawai>(sampai.Triwulan);
        for (var tw = 1; tw <= sampai.Triwulan; tw++)
        {
            hasil.Add(NilaiPegawai(data, pegawai, new Periode(sampai.Tahun, tw)));
        }

        return hasil;
    }

    /// <summary>CKP tahunan: several contracts in one year, weighted by the months each covers (domain.md §5, U).</summary>
    public decimal CkpTahunan(IReadOnlyCollection<(decimal Ckp, int Bulan)> kontrak)
    {
        if (kontrak.Count == 0 || kontrak.Any(k => k.Bulan is < 1 or > 12) || kontrak.Sum(k => k.Bulan) > 12)
        {
            throw new DomainException("CKP tahunan perlu paling sedikit satu kontrak, masing-masing 1–12 bulan, total paling banyak 12 bulan");
        }

        return kontrak.Sum(k => k.Ckp * k.Bulan) / kontrak.Sum(k => k.Bulan);
    }

    /// <summary>NP from the 360° group means: atasan and rekan/bawahan, by the policy's group weights (U).</summary>
    public decimal NilaiPerilaku360(decimal rataRataAtasan, decimal rataRataRekanDanBawahan)
    {
        if (rataRataAtasan is < 0 or > 100 || rataRataRekanDanBawahan is < 0 or > 100)
        {
            throw new DomainException("Nilai penilai 360° harus 0–100");
        }

        return ((rataRataAtasan * Kebijakan.BobotPenilaiAtasan) + (rataRataRekanDanBawahan * Kebijakan.BobotPenilaiRekanDanBawahan)) / 100;
    }

    private List<CapaianIku> NilaiSemua(KontrakKinerja kontrak, int triwulan)
    {
        var hasil = new List<CapaianIku>(kontrak.Iku.Count);
        foreach (var iku in kontrak.Iku)
        {
            hasil.Add(NilaiIku(iku, triwulan));
        }

        return hasil;
    }

    private static List<Kekurangan> KekuranganIku(IReadOnlyList<CapaianIku> capaian) =>
        capaian.Where(c => c.Keadaan == KeadaanIku.BelumAdaRealisasi)
            .Select(c => new Kekurangan(JenisKekurangan.RealisasiIku, c.Iku.Kode, c.Iku.Nama, c.TriwulanTanpaRealisasi))
            .ToList();
}
