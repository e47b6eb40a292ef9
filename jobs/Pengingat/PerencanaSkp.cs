using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Pengiriman;
using Microsoft.Extensions.Logging;

namespace Kinerja.Jobs.Pengingat;

/// <summary>
/// SKP reminders H-14, H-7, H-3 and H-1 before each person's deadline (<see cref="TenggatSkp.UntukPegawai"/>: 31
/// January, or the personal deadline of a mid-year start) to everyone whose contract of the year is not submitted.
/// <para>
/// H-n counts calendar days before the deadline. When that day is not a working day of the office, the reminder goes
/// on the last working day before it — never after, so H-1 is never later than the deadline. When two reminders fall
/// on the same working day that way (a deadline on a Monday puts H-3 and H-1 on the Friday before), only the more
/// urgent one goes.
/// </para>
/// <para>
/// An office without any contract of the year (its iku.csv rows of that year were never imported) cannot have anyone
/// submit: the employees are not reminded of what they cannot do, and on the same days — H-n of 31 January, moved the
/// same way — the office's coordinators (<see cref="IKoordinatorKantor"/>) get
/// <see cref="JenisPengiriman.KontrakBelumDimuat"/> instead: the contracts are missing, the deadline, the working days
/// left, how many are affected and how to import them. Every employee must have an approved SKP by 31 January
/// (domain.md §7), so this is not left to be noticed.
/// </para>
/// </summary>
public sealed partial class PerencanaPengingatSkp(DataPengingat sumber, ILogger<PerencanaPengingatSkp> logger) : IPerencanaPengiriman
{
    public static IReadOnlyList<int> HariSebelumTenggat { get; } = [1, 3, 7, 14];

    public string Nama => "pengingat-skp";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return [];
        }

        var tahun = hariKerja.Year;
        if (!data.TahunKontrak.Contains(tahun))
        {
            if (HariIniUntuk(sumber.Kalender, kodeKantor, TenggatSkp.Untuk(tahun).Tanggal, hariKerja) is not { } h)
            {
                return [];
            }

            var koordinator = sumber.Koordinator(data);
            if (koordinator.Count == 0)
            {
                // Nobody to tell in Teams: at least the operator's log says it, on each reminder day.
                Log.NoCoordinator(logger, kodeKantor, tahun);
            }

            return [.. koordinator.Select(k => new RencanaKirim(new KunciPengiriman(JenisPengiriman.KontrakBelumDimuat, Kurun.HMinus(tahun, h), kodeKantor, k.Nip), sekarang))];
        }

        var rencana = new List<RencanaKirim>();
        foreach (var pegawai in data.Pegawai)
        {
            var tenggat = TenggatSkp.UntukPegawai(tahun, pegawai, sumber.Kalender, kodeKantor);
            if (HariIniUntuk(sumber.Kalender, kodeKantor, tenggat.Tanggal, hariKerja) is not { } n)
            {
                continue;
            }

            if (!DataPengingat.SudahDiajukan(await sumber.StatusAsync(data, tahun, pegawai.Nip, cancellationToken).ConfigureAwait(false)))
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.PengingatSkp, Kurun.HMinus(tahun, n), kodeKantor, pegawai.Nip), sekarang));
            }
        }

        return rencana;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9542, Level = LogLevel.Warning,
            Message = "Office {KodeKantor} has no contracts (IKU) of {Year} and no coordinator to alert: set Kinerja:Koordinator:Kantor:{KodeKantor}")]
        public static partial void NoCoordinator(ILogger logger, string kodeKantor, int year);
    }

    /// <summary>The n of the H-n reminder due on <paramref name="hariKerja"/> for that deadline, or null.</summary>
    public static int? HariIniUntuk(IKalenderKerja kalender, string kodeKantor, DateOnly tenggat, DateOnly hariKerja)
    {
        ArgumentNullException.ThrowIfNull(kalender);
        foreach (var n in HariSebelumTenggat)
        {
            if (kalender.HariKerjaPadaAtauSebelum(kodeKantor, tenggat.AddDays(-n)) == hariKerja)
            {
                return n;
            }
        }

        return null;
    }
}

/// <summary>
/// A contract submitted and still waiting: after 2 working days of the office (counted from the day after the
/// submission) the atasan langsung gets a nudge; after 5 the atasan pejabat penilai (the supervisor's supervisor) an
/// escalation. One of each per contract version. A Plt./Plh. is not nudged: the assignment is the coordinators'.
/// </summary>
public sealed class PerencanaPersetujuanSkp(DataPengingat sumber) : IPerencanaPengiriman
{
    public const int HariKerjaPengingat = 2;
    public const int HariKerjaEskalasi = 5;

    public string Nama => "persetujuan-skp";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return [];
        }

        var rencana = new List<RencanaKirim>();
        foreach (var kontrak in data.Kontrak.Where(k => k.Tahun >= hariKerja.Year - 1).OrderBy(k => k.Tahun))
        {
            var skp = await sumber.SkpAsync(kodeKantor, kontrak.Tahun, kontrak.Pemilik, cancellationToken).ConfigureAwait(false);
            if (skp is not { Status: StatusSkp.Diajukan } || data.CariPegawai(kontrak.Pemilik)?.NipAtasan is not { } atasan)
            {
                continue;
            }

            var menunggu = sumber.Kalender.HitungHariKerja(kodeKantor, skp.JejakAudit[^1].TanggalLokal, hariKerja);
            var kurun = Kurun.Versi(kontrak.Tahun, kontrak.Pemilik, skp.VersiTerakhir.Nomor);
            if (menunggu >= HariKerjaPengingat)
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.PersetujuanSkp, kurun, kodeKantor, atasan), sekarang));
            }

            if (menunggu >= HariKerjaEskalasi && data.CariPegawai(atasan)?.NipAtasan is { } atasanPenilai)
            {
                rencana.Add(new RencanaKirim(new KunciPengiriman(JenisPengiriman.EskalasiSkp, kurun, kodeKantor, atasanPenilai), sekarang));
            }
        }

        return rencana;
    }
}

/// <summary>
/// The weekly digest to the office's coordinators, on the first working day of each ISO week, when there is anything
/// to report for the SKP year they follow (<see cref="DataPengingat.TahunSkp"/>) or anyone the bot cannot reach — in
/// January also when the office has no contract of that year (the digest then opens with it).
/// </summary>
public sealed class PerencanaRekapKoordinator(DataPengingat sumber, RekapKoordinatorPenyusun rekap) : IPerencanaPengiriman
{
    public string Nama => "rekap-koordinator";

    public async Task<IReadOnlyList<RencanaKirim>> RencanakanAsync(string kodeKantor, DateOnly hariKerja, DateTimeOffset sekarang, CancellationToken cancellationToken)
    {
        var senin = hariKerja.AddDays(-(((int)hariKerja.DayOfWeek + 6) % 7));
        if (sumber.HariKerjaMulai(kodeKantor, senin) != hariKerja)
        {
            return [];
        }

        var data = await sumber.MuatAsync(kodeKantor, cancellationToken).ConfigureAwait(false);
        if (data is null || await rekap.SusunAsync(data, hariKerja, cancellationToken).ConfigureAwait(false) is null)
        {
            return [];
        }

        var kurun = Kurun.Minggu(hariKerja);
        return [.. sumber.Koordinator(data).Select(k => new RencanaKirim(new KunciPengiriman(JenisPengiriman.RekapKoordinator, kurun, kodeKantor, k.Nip), sekarang))];
    }
}
