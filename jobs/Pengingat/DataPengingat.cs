using Kinerja.Cards;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;

namespace Kinerja.Jobs.Pengingat;

/// <summary>
/// What the planners and message builders read about an office, through the domain's ports only (architecture.md:
/// jobs never reach the bot's storage adapters): the office's data with the targets in force, each contract's
/// workflow, the working-day calendar, the scoring, the coordinators.
/// </summary>
public sealed class DataPengingat(DataPenilaian dataPenilaian, IKontrakStore kontrak, IKalenderKerja kalender, Penilai penilai, PengingatOptions options,
    IKoordinatorKantor koordinator)
{
    public IKalenderKerja Kalender => kalender;

    public Penilai Penilai => penilai;

    public PengingatOptions Options => options;

    public Task<DataKantor?> MuatAsync(string kodeKantor, CancellationToken cancellationToken) => dataPenilaian.MuatAsync(kodeKantor, cancellationToken);

    public Task<PersetujuanSkp?> SkpAsync(string kodeKantor, int tahun, Nip pemilik, CancellationToken cancellationToken) =>
        kontrak.MuatAsync(new KunciSkp(kodeKantor, tahun, pemilik), cancellationToken);

    /// <summary>The contract's state: the workflow's, else the imported seed; null when the person has no contract that year.</summary>
    public async Task<StatusSkp?> StatusAsync(DataKantor data, int tahun, Nip pemilik, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var skp = await SkpAsync(data.KodeKantor, tahun, pemilik, cancellationToken).ConfigureAwait(false);
        return skp?.Status ?? data.CariKontrak(tahun, pemilik)?.Status;
    }

    /// <summary>Submitted means submitted or approved; a draft, a returned contract or none at all is not.</summary>
    public static bool SudahDiajukan(StatusSkp? status) => status is StatusSkp.Diajukan or StatusSkp.Disetujui;

    /// <summary>The office's zone (of its top unit).</summary>
    public static ZonaWaktu Zona(DataKantor data) => data?.UnitInduk?.ZonaWaktu ?? ZonaWaktu.Wib;

    /// <summary>The office's local date at <paramref name="sekarang"/>.</summary>
    public static DateOnly HariIni(DataKantor data, DateTimeOffset sekarang) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sekarang, TimeZoneInfo.FindSystemTimeZoneById(Zona(data).IanaId)).DateTime);

    /// <summary>
    /// The SKP year coordinators follow on <paramref name="hariIni"/>: next year's once the office has contracts for it
    /// (December's preparation), else this year's.
    /// </summary>
    public static int TahunSkp(DataKantor data, DateOnly hariIni) =>
        data.TahunKontrak.Contains(hariIni.Year + 1) ? hariIni.Year + 1 : hariIni.Year;

    /// <summary>
    /// The office has no contract of <paramref name="tahun"/> at all (its IKU of that year were never imported): what the
    /// coordinators are told — the 31 January deadline, the office's working days left from <paramref name="hariIni"/>
    /// (included), everyone affected. Null when the year has contracts.
    /// </summary>
    public KontrakBelumDimuat? KontrakBelumDimuat(DataKantor data, int tahun, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.TahunKontrak.Contains(tahun))
        {
            return null;
        }

        var tenggat = TenggatSkp.Untuk(tahun).Tanggal;
        return new KontrakBelumDimuat(data.UnitInduk?.Nama ?? data.KodeKantor, tahun, tenggat,
            kalender.HitungHariKerja(data.KodeKantor, hariIni.AddDays(-1), tenggat), data.Pegawai.Count);
    }

    /// <summary>The office's coordinators (<see cref="IKoordinatorKantor"/>: configured, else the heads of its general-affairs units).</summary>
    public IReadOnlyList<Pegawai> Koordinator(DataKantor data) => koordinator.Untuk(data);

    /// <summary>Everyone below <paramref name="pimpinan"/> in the supervision tree, in the office's order.</summary>
    public static IReadOnlyList<Pegawai> Tim(DataKantor data, Nip pimpinan)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dalam = new HashSet<Nip>();
        var antrian = new Queue<Nip>([pimpinan]);
        while (antrian.TryDequeue(out var atas))
        {
            foreach (var b in data.Bawahan(atas))
            {
                if (b.Nip != pimpinan && dalam.Add(b.Nip))
                {
                    antrian.Enqueue(b.Nip);
                }
            }
        }

        return [.. data.Pegawai.Where(p => dalam.Contains(p.Nip))];
    }

    /// <summary>The quarter that ended last before <paramref name="tanggal"/>.</summary>
    public static Periode TriwulanSebelum(DateOnly tanggal) =>
        tanggal.Month <= 3 ? new Periode(tanggal.Year - 1, 4) : new Periode(tanggal.Year, (tanggal.Month - 1) / 3);

    /// <summary>
    /// When a quarter's scores become final: the first day of the second month after it ends (domain.md §8: the
    /// quarter's NKO is set by about the end of the month after the quarter) — TW III on 1 November.
    /// </summary>
    public static DateOnly TanggalFinal(Periode periode)
    {
        var akhir = periode.AkhirTriwulan;
        return new DateOnly(akhir.Year, akhir.Month, 1).AddMonths(2);
    }

    /// <summary>The first working day on or after <paramref name="tanggal"/>.</summary>
    public DateOnly HariKerjaMulai(string kodeKantor, DateOnly tanggal) => kalender.HariKerjaBerikut(kodeKantor, tanggal.AddDays(-1));
}
