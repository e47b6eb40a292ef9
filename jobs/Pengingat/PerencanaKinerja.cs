using Kinerja.Domain.Kinerja;
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
/// Score summaries when a quarter becomes final. Final means both: the date has come (<see cref="DataPengingat.TanggalFinal"/>,
/// the first day of the second month after the quarter, when the quarter's NKO is set) and the office's NKO for it is
/// final (every realisation in; <see cref="StatusNilai.Final"/>). Until the next quarter's date, each working day checks
/// again, so late data still gets its summary once it is complete. Every employee with a contract gets their
/// "nilai saya" card; every leader the team card.
/// </summary>
public sealed class PerencanaRingkasanNilai(DataPengingat sumber) : IPerencanaPengiriman
{
    public string Nama => "ringkasan-nilai";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var periode = PeriodeFinal(hariKerja);
        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data?.UnitInduk is not { } induk || sumber.Penilai.Nko(data, induk, periode) is not { Status: StatusNilai.Final })
        {
            return [];
        }

        var kurun = Kurun.Triwulan(periode);
        var rencana = new List<RencanaKirim>();
        foreach (var p in data.Pegawai)
        {
            if (data.CariKontrak(periode.Tahun, p.Nip) is not null)
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.RingkasanNilai, kurun, kodeKantor, p.Nip), sekarang));
            }

            if (data.Bawahan(p.Nip).Count > 0)
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.RingkasanTim, kurun, kodeKantor, p.Nip), sekarang));
            }
        }

        return rencana;
    }

    /// <summary>The latest quarter whose final date is on or before <paramref name="tanggal"/>.</summary>
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
