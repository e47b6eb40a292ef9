using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengiriman;

namespace Kinerja.Jobs.Pengingat;

/// <summary>
/// In the first <see cref="PengingatOptions.HariIsiRealisasi"/> days after a quarter ends (domain.md §8), every owner of
/// an IKU that has a target for that quarter but no realisation gets one reminder for the quarter, with the list.
/// </summary>
public sealed class PerencanaPengingatRealisasi(DataPengingat sumber) : IPerencanaPengiriman
{
    public string Nama => "pengingat-realisasi";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var periode = DataPengingat.TriwulanSebelum(hariKerja);
        var hariKe = hariKerja.DayNumber - periode.AkhirTriwulan.DayNumber;
        if (hariKe < 1 || hariKe > sumber.Options.HariIsiRealisasi)
        {
            return [];
        }

        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return [];
        }

        return [.. data.Pegawai
            .Where(p => TanpaRealisasi(data.CariKontrak(periode.Tahun, p.Nip), periode.Triwulan).Count > 0)
            .Select(p => new RencanaKirim(new KunciPengiriman(JenisPengiriman.PengingatRealisasi, Kurun.Triwulan(periode), kodeKantor, p.Nip), sekarang))];
    }

    /// <summary>The contract's IKU with a target in the quarter and no realisation for it.</summary>
    public static IReadOnlyList<Iku> TanpaRealisasi(KontrakKinerja? kontrak, int triwulan) =>
        kontrak is null ? [] : [.. kontrak.Iku.Where(i => i.TargetTriwulan(triwulan) is not null && i.RealisasiTriwulan(triwulan) is null)];
}

/// <summary>
/// Dialog prompts (domain.md §8): on the first working day of each month every leader (anyone with direct reports) is
/// invited to a DKI with each of them; on the first working day after the realisation window of a quarter (quarter end
/// + <see cref="PengingatOptions.HariIsiRealisasi"/> + 1 days) every head of a map-owning unit to the DKO.
/// </summary>
public sealed class PerencanaDialog(DataPengingat sumber) : IPerencanaPengiriman
{
    public string Nama => "ajakan-dialog";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var dki = sumber.HariKerjaMulai(kodeKantor, new DateOnly(hariKerja.Year, hariKerja.Month, 1)) == hariKerja;
        var periode = DataPengingat.TriwulanSebelum(hariKerja);
        var dko = sumber.HariKerjaMulai(kodeKantor, periode.AkhirTriwulan.AddDays(sumber.Options.HariIsiRealisasi + 1)) == hariKerja;
        if (!dki && !dko)
        {
            return [];
        }

        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return [];
        }

        var rencana = new List<RencanaKirim>();
        if (dki)
        {
            rencana.AddRange(data.Pegawai.Where(p => data.Bawahan(p.Nip).Count > 0)
                .Select(p => new RencanaKirim(new KunciPengiriman(JenisPengiriman.AjakanDki, Kurun.Bulan(hariKerja), kodeKantor, p.Nip), sekarang)));
        }

        if (dko)
        {
            rencana.AddRange(data.Pegawai.Where(p => sumber.Penilai.PemilikPetaStrategi(p, data))
                .Select(p => new RencanaKirim(new KunciPengiriman(JenisPengiriman.AjakanDko, Kurun.Triwulan(periode), kodeKantor, p.Nip), sekarang)));
        }

        return rencana;
    }
}

/// <summary>
/// Where the score summaries of one office stand on a working day: the open quarter (<see cref="PerencanaRingkasanNilai.PeriodeFinal"/>),
/// its cut-off (<see cref="BatasSementara"/>) and the scores of everyone with a contract for that year.
/// </summary>
public sealed class KeadaanRingkasanNilai
{
    private KeadaanRingkasanNilai(Periode periode, DateOnly batasSementara, bool lewatBatas, IReadOnlyDictionary<Nip, HasilPegawai> nilai)
    {
        Periode = periode;
        BatasSementara = batasSementara;
        LewatBatas = lewatBatas;
        Nilai = nilai;
    }

    public Periode Periode { get; }

    /// <summary>From this day on what is still incomplete is sent anyway, marked <i>sementara</i>.</summary>
    public DateOnly BatasSementara { get; }

    public bool LewatBatas { get; }

    /// <summary>The quarter's scores of everyone with a contract that year.</summary>
    public IReadOnlyDictionary<Nip, HasilPegawai> Nilai { get; }

    public static KeadaanRingkasanNilai Hitung(DataKantor data, DateOnly hariKerja, Penilai penilai, PengingatOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(penilai);
        ArgumentNullException.ThrowIfNull(options);
        var periode = PerencanaRingkasanNilai.PeriodeFinal(hariKerja);
        var batas = DataPengingat.TanggalFinal(periode).AddDays(options.HariTungguNilaiFinal);
        var nilai = data.Pegawai.Where(p => data.CariKontrak(periode.Tahun, p.Nip) is not null)
            .ToDictionary(p => p.Nip, p => penilai.NilaiPegawai(data, p, periode));
        return new KeadaanRingkasanNilai(periode, batas, hariKerja >= batas, nilai);
    }

    /// <summary>The employee's own NKP of the quarter is final (every realisation of theirs in, NP there).</summary>
    public bool Final(Nip nip) => Nilai.TryGetValue(nip, out var h) && h.Status == StatusNilai.Final;

    /// <summary>Every score on the leader's team card is final (the team card waits for the slowest member).</summary>
    public bool TimFinal(DataKantor data, Nip pimpinan) =>
        DataPengingat.Tim(data, pimpinan).All(p => !Nilai.TryGetValue(p.Nip, out var h) || h.Status == StatusNilai.Final);

    /// <summary>Why an employee's summary is held: what keeps the NKP provisional, in Bahasa Indonesia.</summary>
    public static string Alasan(HasilPegawai hasil)
    {
        ArgumentNullException.ThrowIfNull(hasil);
        var alasan = hasil.Kekurangan.Select(k => k.Jenis switch
        {
            JenisKekurangan.RealisasiIku => $"realisasi IKU {k.KodeIku} belum ada",
            JenisKekurangan.NilaiPerilaku => "nilai perilaku belum ada",
            _ => "kontrak kinerja belum ada",
        }).Distinct(StringComparer.Ordinal).ToList();
        return alasan.Count > 0 ? string.Join("; ", alasan) : "NKP belum dapat dihitung";
    }
}

/// <summary>
/// Score summaries of a quarter, from its final date (<see cref="DataPengingat.TanggalFinal"/>: the first day of the
/// second month after it, when the quarter's NKO is set) until the next quarter's — every working day in between
/// checks again, so a summary goes as soon as its data is complete:
/// <list type="bullet">
/// <item>each employee with a contract gets the "nilai saya" card once their own NKP is final (every realisation of
/// theirs in, NP there) — one missing realisation elsewhere in the office holds nobody else's;</item>
/// <item>each leader gets the team card once every score on it is final;</item>
/// <item>from the cut-off (<see cref="PengingatOptions.HariTungguNilaiFinal"/> days after the final date, before the next
/// quarter's) what is still incomplete goes anyway, marked <i>sementara</i> (kurun <c>2026-TW3-sementara</c>); the
/// final card follows if the data is completed before the next quarter's date. No quarter is left unsent.</item>
/// </list>
/// Until the cut-off the weekly coordinators' digest lists whose summary is held and why.
/// </summary>
public sealed class PerencanaRingkasanNilai(DataPengingat sumber) : IPerencanaPengiriman
{
    public string Nama => "ringkasan-nilai";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data?.UnitInduk is null)
        {
            return [];
        }

        var keadaan = KeadaanRingkasanNilai.Hitung(data, hariKerja, sumber.Penilai, sumber.Options);
        var final = Kurun.Triwulan(keadaan.Periode);
        var sementara = Kurun.TriwulanSementara(keadaan.Periode);
        var rencana = new List<RencanaKirim>();
        foreach (var p in data.Pegawai)
        {
            if (keadaan.Nilai.ContainsKey(p.Nip) && (keadaan.Final(p.Nip) || keadaan.LewatBatas))
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.RingkasanNilai, keadaan.Final(p.Nip) ? final : sementara, kodeKantor, p.Nip), sekarang));
            }

            if (data.Bawahan(p.Nip).Count > 0 && (keadaan.TimFinal(data, p.Nip) || keadaan.LewatBatas))
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.RingkasanTim, keadaan.TimFinal(data, p.Nip) ? final : sementara, kodeKantor, p.Nip), sekarang));
            }
        }

        return rencana;
    }

    /// <summary>The latest quarter whose final date is on or before <paramref name="tanggal"/>: the one whose summaries are open.</summary>
    public static Periode PeriodeFinal(DateOnly tanggal)
    {
        var p = DataPengingat.TriwulanSebelum(tanggal);
        while (DataPengingat.TanggalFinal(p) > tanggal)
        {
            p = p.Triwulan == 1 ? new Periode(p.Tahun - 1, 4) : new Periode(p.Tahun, p.Triwulan - 1);
        }

        return p;
    }
}
