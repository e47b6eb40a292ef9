using System.Globalization;
using Hangfire;
using Kinerja.Cards;
using Kinerja.Domain.Pengiriman;
using Kinerja.Domain.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kinerja.Jobs.Pengiriman;

/// <summary>
/// The Hangfire jobs of the delivery engine. <see cref="KirimAsync"/> sends one batch of keys; <see cref="PulihkanAsync"/>
/// (recurring) resumes from the ledger. Every step is a compare-and-set on the delivery's ledger row, so a batch run
/// twice (a retried job, a job of a crashed worker run again, two instances) sends each delivery at most once.
/// <para>Per delivery, at send time: the message is built (<see cref="IPenyusunPesan"/>; null → <see cref="StatusPengiriman.Dilewati"/>),
/// the chat found (<see cref="IJangkauanPegawai"/>; none → <see cref="StatusPengiriman.TidakTerjangkau"/>), then — once the
/// connector gave the POST its rate-limit slot — the in-flight mark is written, and only then the POST leaves. Its
/// answer closes the row: <see cref="StatusPengiriman.Terkirim"/>, <see cref="StatusPengiriman.TidakTerjangkau"/> (403
/// with its reason, 404), <see cref="StatusPengiriman.Gagal"/> (for good, or "mungkin terkirim"), or planned again when
/// nothing went out (throttled, outage) until <see cref="PengirimanOptions.PercobaanMaksimum"/>.</para>
/// </summary>
public sealed partial class PekerjaPengiriman(
    IBukuPengirimanStore buku,
    IEnumerable<IPenyusunPesan> penyusun,
    IJangkauanPegawai jangkauan,
    IPenggunaStore pengguna,
    IPercakapanStore percakapan,
    IPengirimPesan pengirim,
    IBackgroundJobClient jobs,
    JobStorage storage,
    IOptions<PengirimanOptions> options,
    TimeProvider time,
    PengirimanMetrics metrics,
    ILogger<PekerjaPengiriman> logger)
{
    /// <summary>The Hangfire queue of the deliveries (every bot server listens to it).</summary>
    public const string Antrian = "pengiriman";

    /// <summary>The queue of the recovery job: its own, listed first by the servers, so it is not stuck behind a long delivery queue.</summary>
    public const string AntrianPemulihan = "pengiriman-pemulihan";

    /// <summary>The Hangfire set of offices whose delivery runs the recovery job reports progress on.</summary>
    internal const string KunciKemajuan = "pengiriman:kemajuan";

    private const string KunciKemajuanWaktu = "pengiriman:kemajuan:waktu";

    /// <summary>The id of the recurring recovery job.</summary>
    public const string IdPemulihan = "pengiriman-pemulihan";

    /// <summary>This process, as written in the ledger's in-flight mark.</summary>
    public static string Pekerja { get; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}");

    private readonly Dictionary<string, IPenyusunPesan> _penyusun = penyusun.ToDictionary(p => p.Jenis, StringComparer.Ordinal);

    /// <summary>Sends the deliveries of one batch that are due and not taken; the others are left as they are.</summary>
    [Queue(Antrian)]
    [AutomaticRetry(Attempts = 3, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task KirimAsync(string[] kunci, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kunci);
        var o = options.Value;
        await Parallel.ForEachAsync(kunci, new ParallelOptions { MaxDegreeOfParallelism = o.Paralel, CancellationToken = cancellationToken },
            async (teks, ct) => await KirimSatuAsync(KunciTeks.Baca(teks), ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Resuming from the ledger (recurring, never twice at once, on its own queue <see cref="AntrianPemulihan"/> so that
    /// it neither waits behind nor counts as delivery work):
    /// <list type="bullet">
    /// <item>a send in flight longer than <see cref="PengirimanOptions.BatasMengirim"/> was interrupted and is closed as
    /// failed, "mungkin terkirim" (never replayed);</item>
    /// <item>a due delivery without an in-flight mark that has not changed for <see cref="PengirimanOptions.BatasTakTerlihat"/>
    /// + <see cref="PengirimanOptions.TenggangPemulihan"/> and that no live delivery job (enqueued, fetched, processing,
    /// scheduled) names is queued again: its job was deleted after its attempts, or the process stopped between the
    /// ledger and the queue. A job of a killed worker is still live (Hangfire gives it to another worker after the
    /// invisibility timeout), and a long queue of work still to do is not duplicated; should a row be queued twice all
    /// the same, the ledger's compare-and-set sends it once;</item>
    /// <item>progress: one line per (office, kind, period) that changed since the last run, while open and when finished.</item>
    /// </list>
    /// </summary>
    [Queue(AntrianPemulihan)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task PulihkanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var sekarang = time.GetUtcNow();
        var terlantarSebelum = sekarang - o.BatasTakTerlihat - o.TenggangPemulihan;
        var terbuka = await buku.DaftarTerbukaAsync(sekarang, o.BatasPemulihan, cancellationToken).ConfigureAwait(false);
        var kantor = new HashSet<string>(StringComparer.Ordinal);
        var calon = new List<KunciPengiriman>();
        var macet = 0;
        foreach (var c in terbuka)
        {
            var k = c.Kunci;
            kantor.Add(k.KodeKantor);

            if (c.MacetSaatMengirim(sekarang, o.BatasMengirim))
            {
                var gagal = c.Gagal("pengiriman terputus (proses berhenti saat mengirim); mungkin sudah terkirim, tidak dikirim ulang", mungkinTerkirim: true, sekarang);
                if (await buku.GantiAsync(gagal, cancellationToken).ConfigureAwait(false))
                {
                    macet++;
                    Log.Interrupted(logger, k.ToString(), c.Pekerja, c.MulaiKirimPada);
                }
            }
            else if (c.SiapDikirim(sekarang) && c.KirimSetelah <= terlantarSebelum && c.DiperbaruiPada <= terlantarSebelum)
            {
                calon.Add(k);
            }
        }

        var siap = new List<string>();
        if (calon.Count > 0)
        {
            var dalamJob = KunciDalamJob();
            siap.AddRange(calon.Select(KunciTeks.Tulis).Where(k => !dalamJob.Contains(k)));
        }

        foreach (var batch in siap.Chunk(o.UkuranBatch))
        {
            PengirimanMassal.Jadwalkan(jobs, batch, null);
        }

        if (macet > 0 || siap.Count > 0)
        {
            Log.Recovered(logger, macet, siap.Count);
        }

        await LaporKemajuanAsync(kantor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys every live delivery job carries: enqueued or fetched on <see cref="Antrian"/>, processing, scheduled (also for a retry).</summary>
    private HashSet<string> KunciDalamJob()
    {
        const int Halaman = 500;
        var monitoring = storage.GetMonitoringApi();
        var hasil = new HashSet<string>(StringComparer.Ordinal);
        void Ambil(Hangfire.Common.Job? job)
        {
            if (job is { Method.Name: nameof(KirimAsync) } && job.Type == typeof(PekerjaPengiriman) && job.Args is [string[] kunci, ..])
            {
                hasil.UnionWith(kunci);
            }
        }

        void Semua<T>(Func<int, int, Hangfire.Storage.Monitoring.JobList<T>> halaman, Func<T, Hangfire.Common.Job?> job)
        {
            var dilihat = new HashSet<string>(StringComparer.Ordinal);
            for (var dari = 0; ; dari += Halaman)
            {
                var h = halaman(dari, Halaman);
                var baru = 0;
                foreach (var j in h)
                {
                    if (dilihat.Add(j.Key))
                    {
                        baru++;
                    }

                    if (j.Value is { } dto)
                    {
                        Ambil(job(dto));
                    }
                }

                // The last page, or a storage that does not page (the same jobs again): done.
                if (h.Count < Halaman || baru == 0)
                {
                    return;
                }
            }
        }

        Semua((d, n) => monitoring.EnqueuedJobs(Antrian, d, n), j => j.Job);
        Semua((d, n) => monitoring.FetchedJobs(Antrian, d, n), j => j.Job);
        Semua(monitoring.ProcessingJobs, j => j.Job);
        Semua(monitoring.ScheduledJobs, j => j.Job);
        return hasil;
    }

    /// <summary>
    /// Logs the progress of every run (office, kind, period) that changed since the last recovery run: offices planned by
    /// <see cref="PengirimanMassal"/> (kept in the Hangfire storage, shared by instances) and those with due deliveries. An
    /// office is dropped once none of its runs has anything planned that changed within the last hour.
    /// </summary>
    private async Task LaporKemajuanAsync(HashSet<string> kantorTerbuka, CancellationToken cancellationToken)
    {
        using var koneksi = storage.GetConnection();
        var dicatat = koneksi.GetAllItemsFromSet(KunciKemajuan);
        kantorTerbuka.UnionWith(dicatat);
        var waktu = koneksi.GetAllEntriesFromHash(KunciKemajuanWaktu);
        var sekarang = time.GetUtcNow();
        var sejak = waktu?.GetValueOrDefault("terakhir") is { } teks
            && DateTimeOffset.TryParse(teks, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t)
                ? t
                : sekarang - TimeSpan.FromMinutes(1);
        var selesai = new List<string>();
        var dilaporSelesai = new List<(string Kode, string Run, string Pada)>();
        foreach (var kode in kantorTerbuka.Order(StringComparer.Ordinal))
        {
            var ringkasan = await buku.RingkasAsync(kode, cancellationToken).ConfigureAwait(false);
            var sudahDilapor = koneksi.GetAllEntriesFromHash(KunciKemajuan + ":" + kode);
            foreach (var r in ringkasan.Where(r => r.TerakhirDiperbarui > sejak))
            {
                var gagal = r.Berstatus(StatusPengiriman.Gagal);
                var direncanakan = r.Berstatus(StatusPengiriman.Direncanakan);
                if (direncanakan > 0)
                {
                    Log.Progress(logger, r.Jenis, r.Kurun, r.KodeKantor, r.Berstatus(StatusPengiriman.Terkirim), r.Total,
                        r.Berstatus(StatusPengiriman.TidakTerjangkau), gagal, r.MungkinTerkirim, r.Berstatus(StatusPengiriman.Dilewati), direncanakan);
                }
                else if (sudahDilapor?.GetValueOrDefault(r.Jenis + "|" + r.Kurun) != r.TerakhirDiperbarui.ToString("O", CultureInfo.InvariantCulture))
                {
                    // Once per finished state: a change seen just after this run's clock reading is not reported twice.
                    dilaporSelesai.Add((kode, r.Jenis + "|" + r.Kurun, r.TerakhirDiperbarui.ToString("O", CultureInfo.InvariantCulture)));
                    Log.Finished(logger, r.Jenis, r.Kurun, r.KodeKantor, r.Berstatus(StatusPengiriman.Terkirim), r.Total,
                        r.Berstatus(StatusPengiriman.TidakTerjangkau), gagal, r.MungkinTerkirim, r.Berstatus(StatusPengiriman.Dilewati));
                }
            }

            if (!ringkasan.Any(r => r.Berstatus(StatusPengiriman.Direncanakan) > 0 && r.TerakhirDiperbarui > sekarang - TimeSpan.FromHours(1)))
            {
                selesai.Add(kode);
            }
        }

        using var tulis = koneksi.CreateWriteTransaction();
        foreach (var kode in kantorTerbuka.Except(selesai).Except(dicatat))
        {
            tulis.AddToSet(KunciKemajuan, kode);
        }

        foreach (var (kode, run, pada) in dilaporSelesai)
        {
            tulis.SetRangeInHash(KunciKemajuan + ":" + kode, [new(run, pada)]);
        }

        foreach (var kode in selesai.Intersect(dicatat))
        {
            tulis.RemoveFromSet(KunciKemajuan, kode);
            tulis.RemoveHash(KunciKemajuan + ":" + kode);
        }

        tulis.SetRangeInHash(KunciKemajuanWaktu, [new("terakhir", sekarang.ToString("O", CultureInfo.InvariantCulture))]);
        tulis.Commit();
    }

    /// <summary>Notes in the Hangfire storage that <paramref name="kodeKantor"/> has a run to report progress on.</summary>
    internal static void CatatKemajuan(JobStorage storage, IEnumerable<string> kodeKantor)
    {
        using var koneksi = storage.GetConnection();
        using var tulis = koneksi.CreateWriteTransaction();
        foreach (var kode in kodeKantor)
        {
            tulis.AddToSet(KunciKemajuan, kode);
        }

        tulis.Commit();
    }

    private async Task KirimSatuAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        var c = await buku.CariAsync(kunci, cancellationToken).ConfigureAwait(false);
        var sekarang = time.GetUtcNow();
        if (c is null || !c.SiapDikirim(sekarang))
        {
            // Done, taken by another worker, snoozed to later (its own job comes then) or gone: nothing to do.
            Log.NotDue(logger, kunci.ToString(), c?.Status, c?.MulaiKirimPada is not null);
            return;
        }

        if (!_penyusun.TryGetValue(kunci.Jenis, out var p))
        {
            await TutupAsync(c, c.Gagal($"tidak ada penyusun pesan untuk jenis '{kunci.Jenis}'", mungkinTerkirim: false, sekarang), cancellationToken).ConfigureAwait(false);
            return;
        }

        PesanTerjadwal? pesan;
        ReferensiPercakapan? tujuan;
        try
        {
            pesan = await p.SusunAsync(kunci, sekarang, cancellationToken).ConfigureAwait(false);
            if (pesan is null)
            {
                await TutupAsync(c, c.Dilewati(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                return;
            }

            tujuan = await jangkauan.PastikanPercakapanAsync(kunci.KodeKantor, kunci.Penerima, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reading the data or reaching Graph failed: nothing was sent; try again later.
            await CobaLagiAsync(c, null, e.GetType().Name + ": " + e.Message, dibatasi: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (tujuan is null)
        {
            var (alasan, keterangan) = await AlasanAsync(kunci, cancellationToken).ConfigureAwait(false);
            await TutupAsync(c, c.TidakTerjangkau(alasan, keterangan, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            return;
        }

        var kartu = pesan.BisaDitunda ? DenganIngatkanBesok(pesan.Kartu, kunci) : pesan.Kartu;
        var sedang = c;
        HasilKirim hasil;
        try
        {
            hasil = await pengirim.KirimAsync(tujuan, kartu, pesan.Ringkasan, async ct =>
            {
                if (sedang.MulaiKirimPada is not null)
                {
                    return; // a retried attempt of the same send (after 429): already marked
                }

                var mulai = c.MulaiKirim(Pekerja, time.GetUtcNow());
                var ditulis = time.GetTimestamp();
                var diganti = await buku.GantiAsync(mulai, ct).ConfigureAwait(false);
                metrics.TandaMengirim.Record(time.GetElapsedTime(ditulis).TotalMilliseconds);
                if (!diganti)
                {
                    throw new PengirimanDiambilException(kunci);
                }

                sedang = mulai;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (PengirimanDiambilException)
        {
            Log.Taken(logger, kunci.ToString());
            return;
        }

        sekarang = time.GetUtcNow();
        switch (hasil)
        {
            case HasilKirim.Terkirim t:
                await TutupAsync(sedang, sedang.Terkirim(tujuan.ServiceUrl, tujuan.ConversationId, t.ActivityId, sekarang), cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.Ditolak d:
                await TutupAsync(sedang, sedang.TidakTerjangkau(d.Alasan, d.Keterangan, sekarang), cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.MungkinTerkirim m:
                Log.MaybeDelivered(logger, kunci.ToString(), m.Keterangan);
                await TutupAsync(sedang, sedang.Gagal(m.Keterangan, mungkinTerkirim: true, sekarang), cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.BelumTerkirim b:
                await CobaLagiAsync(sedang, b.CobaSetelah, b.Keterangan, b.Dibatasi, cancellationToken).ConfigureAwait(false);
                break;
            case HasilKirim.Gagal g:
                await TutupAsync(sedang, sedang.Gagal(g.Keterangan, mungkinTerkirim: false, sekarang), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Plans <paramref name="c"/> again: after <paramref name="jeda"/> (Teams' <c>Retry-After</c>) but not before
    /// <see cref="PengirimanOptions.JedaCobaLagi"/>. A throttled attempt (<paramref name="dibatasi"/>) is Teams pacing the
    /// whole tenant, not a fault of this delivery: it does not count against <see cref="PengirimanOptions.PercobaanMaksimum"/>.
    /// </summary>
    private async Task CobaLagiAsync(CatatanPengiriman c, TimeSpan? jeda, string keterangan, bool dibatasi, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var sekarang = time.GetUtcNow();
        if (!dibatasi && c.Percobaan + 1 >= o.PercobaanMaksimum)
        {
            await TutupAsync(c, c.Gagal($"gagal setelah {c.Percobaan + 1} percobaan: {keterangan}", mungkinTerkirim: false, sekarang), cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var lagi = c.CobaLagi(sekarang + (jeda is { } j && j > o.JedaCobaLagi ? j : o.JedaCobaLagi), keterangan, sekarang);
        if (dibatasi)
        {
            lagi = lagi with { Percobaan = c.Percobaan };
        }

        if (await buku.GantiAsync(lagi, cancellationToken).ConfigureAwait(false))
        {
            Log.Retry(logger, c.Kunci.ToString(), lagi.Percobaan, lagi.KirimSetelah, keterangan);
            PengirimanMassal.Jadwalkan(jobs, [KunciTeks.Tulis(c.Kunci)], lagi.KirimSetelah);
        }
    }

    private async Task TutupAsync(CatatanPengiriman dari, CatatanPengiriman jadi, CancellationToken cancellationToken)
    {
        // The outcome of a send that happened is written even when the caller gave up waiting.
        if (await buku.GantiAsync(jadi, cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken).ConfigureAwait(false))
        {
            metrics.Hasil.Add(1, new KeyValuePair<string, object?>("status", jadi.Status.ToString()));
            Log.Outcome(logger, jadi.Kunci.ToString(), jadi.Status, jadi.Keterangan);
        }
        else
        {
            Log.OutcomeLost(logger, jadi.Kunci.ToString(), jadi.Status, dari.Versi);
        }
    }

    private async Task<(AlasanTidakTerjangkau? Alasan, string Keterangan)> AlasanAsync(KunciPengiriman kunci, CancellationToken cancellationToken)
    {
        if (await pengguna.CariByNipAsync(kunci.KodeKantor, kunci.Penerima, cancellationToken).ConfigureAwait(false) is not { } terkait)
        {
            return (null, "belum terhubung ke akun Teams");
        }

        var p = await percakapan.CariAsync(terkait.AadObjectId, cancellationToken).ConfigureAwait(false);
        return p switch
        {
            { TidakTerjangkau: { } t } => (t.Alasan, t.KodeGalat ?? t.Alasan.ToString()),
            { Referensi.Dihapus: true } => (AlasanTidakTerjangkau.BotTidakTerpasang, "aplikasi dihapus dari obrolan"),
            _ => (null, "belum ada percakapan dengan bot"),
        };
    }

    /// <summary>The card with <i>Ingatkan besok</i> added to its actions (a copy: the builder's card is not changed).</summary>
    internal static AdaptiveCard DenganIngatkanBesok(AdaptiveCard kartu, KunciPengiriman kunci) => new()
    {
        Version = kartu.Version,
        Body = kartu.Body,
        Actions = [.. kartu.Actions, ExecuteAction.TanpaInput("Ingatkan besok", new IngatkanBesokData(kunci), "Kirim lagi pada hari kerja berikutnya")],
        FallbackText = kartu.FallbackText,
        Speak = kartu.Speak,
        Lang = kartu.Lang,
        Refresh = kartu.Refresh,
        MsTeams = kartu.MsTeams,
    };

    private sealed class PengirimanDiambilException(KunciPengiriman kunci) : Exception($"Pengiriman {kunci} diambil pekerja lain.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 9510, Level = LogLevel.Debug, Message = "Delivery {Kunci} not due or not free ({Status}, in flight: {InFlight}); left as it is")]
        public static partial void NotDue(ILogger logger, string kunci, StatusPengiriman? status, bool inFlight);

        [LoggerMessage(EventId = 9511, Level = LogLevel.Debug, Message = "Delivery {Kunci} was taken by another worker")]
        public static partial void Taken(ILogger logger, string kunci);

        [LoggerMessage(EventId = 9512, Level = LogLevel.Debug, Message = "Delivery {Kunci}: {Status} ({Detail})")]
        public static partial void Outcome(ILogger logger, string kunci, StatusPengiriman status, string? detail);

        [LoggerMessage(EventId = 9513, Level = LogLevel.Warning, Message = "Delivery {Kunci}: outcome {Status} not written, the row changed after version {Version}")]
        public static partial void OutcomeLost(ILogger logger, string kunci, StatusPengiriman status, long version);

        [LoggerMessage(EventId = 9514, Level = LogLevel.Warning, Message = "Delivery {Kunci} may have been delivered and is not sent again: {Detail}")]
        public static partial void MaybeDelivered(ILogger logger, string kunci, string detail);

        [LoggerMessage(EventId = 9515, Level = LogLevel.Information, Message = "Delivery {Kunci}: attempt {Attempt} sent nothing ({Detail}); next try at {At}")]
        public static partial void Retry(ILogger logger, string kunci, int attempt, DateTimeOffset at, string detail);

        [LoggerMessage(EventId = 9516, Level = LogLevel.Warning, Message = "Delivery {Kunci} was in flight on {Worker} since {Since} and never finished: closed as failed, may have been delivered")]
        public static partial void Interrupted(ILogger logger, string kunci, string? worker, DateTimeOffset? since);

        [LoggerMessage(EventId = 9518, Level = LogLevel.Information,
            Message = "Delivery {Kind} {Period} {Office}: {Sent} of {Total} sent, {Unreachable} unreachable, {Failed} failed ({MaybeDelivered} may have been delivered), {Skipped} skipped, {Planned} still planned")]
        public static partial void Progress(ILogger logger, string kind, string period, string office, int sent, int total, int unreachable, int failed,
            int maybeDelivered, int skipped, int planned);

        [LoggerMessage(EventId = 9519, Level = LogLevel.Information,
            Message = "Delivery {Kind} {Period} {Office} finished: {Sent} of {Total} sent, {Unreachable} unreachable, {Failed} failed ({MaybeDelivered} may have been delivered), {Skipped} skipped")]
        public static partial void Finished(ILogger logger, string kind, string period, string office, int sent, int total, int unreachable, int failed,
            int maybeDelivered, int skipped);

        [LoggerMessage(EventId = 9517, Level = LogLevel.Information, Message = "Recovery: {Interrupted} interrupted send(s) closed, {Requeued} due deliveries queued again")]
        public static partial void Recovered(ILogger logger, int interrupted, int requeued);
    }
}
