using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Pengiriman;
using Kinerja.Jobs.Jadwal;
using Kinerja.Jobs.Pengingat;
using Kinerja.Jobs.Pengiriman;
using KinerjaBot.Handlers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>Section <c>Kinerja:Kalender</c>: a deployment's override of the national calendar and each office's own days off.</summary>
public sealed class KalenderOptions
{
    public const string Section = "Kinerja:Kalender";

    /// <summary>
    /// A JSON file of the shape of <c>domain/Kalender/libur-nasional.json</c> applied over it per year (a decree entered
    /// without a rebuild, an estimate corrected): days added, <c>hapus</c> removes shipped dates
    /// (<see cref="KalenderLibur.DenganTimpaan"/>). Relative to the content root.
    /// </summary>
    public string? Berkas { get; set; }

    /// <summary>The override file's full path (relative paths from the content root, else the current folder).</summary>
    public static string Jalur(string berkas, IHostEnvironment? environment) =>
        Path.IsPathRooted(berkas) ? berkas : Path.GetFullPath(Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), berkas));

    /// <summary>The national calendar shipped, with <see cref="Berkas"/> applied when set.</summary>
    public KalenderLibur Baca(IHostEnvironment? environment)
    {
        var bawaan = KalenderLibur.Bawaan();
        return Berkas is { Length: > 0 } b ? bawaan.DenganTimpaan(File.ReadAllText(Jalur(b, environment)), b) : bawaan;
    }

    /// <summary>Regional holidays and other days an office is closed.</summary>
    public List<LiburKantorOptions> LiburKantor { get; set; } = [];
}

/// <summary>One office's day off: <c>{ "Kantor": "KPPN-METRO", "Tanggal": "2026-11-30", "Nama": "HUT Provinsi" }</c>.</summary>
public sealed class LiburKantorOptions
{
    [Required]
    public string Kantor { get; set; } = "";

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    [Required]
    public string Tanggal { get; set; } = "";

    [Required]
    public string Nama { get; set; } = "";
}

/// <summary>Checks what annotations cannot: the override file exists and reads, every office day off is a real date with a name.</summary>
public sealed class PengingatOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<KalenderOptions>
{
    public ValidateOptionsResult Validate(string? name, KalenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Berkas is { } berkas)
        {
            var jalur = berkas.Trim().Length == 0 ? null : KalenderOptions.Jalur(berkas.Trim(), environment);
            if (jalur is null || !File.Exists(jalur))
            {
                errors.Add($"{KalenderOptions.Section}:Berkas '{berkas}' does not exist.");
            }
            else
            {
                try
                {
                    _ = options.Baca(environment);
                }
                catch (KalenderTidakValidException e)
                {
                    errors.Add($"{KalenderOptions.Section}:Berkas '{berkas}' is not a valid holiday file: {string.Join("; ", e.Kesalahan)}.");
                }
            }
        }

        for (var i = 0; i < options.LiburKantor.Count; i++)
        {
            var l = options.LiburKantor[i];
            var key = $"{KalenderOptions.Section}:LiburKantor:{i.ToString(CultureInfo.InvariantCulture)}";
            if (string.IsNullOrWhiteSpace(l.Kantor))
            {
                errors.Add($"{key}:Kantor must not be empty.");
            }

            if (!DateOnly.TryParseExact(l.Tanggal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors.Add($"{key}:Tanggal '{l.Tanggal}' is not a date (yyyy-MM-dd).");
            }

            if (string.IsNullOrWhiteSpace(l.Nama))
            {
                errors.Add($"{key}:Nama must not be empty.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>
/// The scheduled messages (issue 6, part B): the work calendar, the planners that decide what goes to whom and when,
/// the message builders run at send time, the daily recurring job per office and its registration
/// (<see cref="IJadwalBerulang"/>, called by the host on start), and <c>nilai tim</c>.
/// </summary>
public static class PengingatServiceCollectionExtensions
{
    public static IServiceCollection AddKinerjaPengingat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KalenderOptions>().Bind(configuration.GetSection(KalenderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PengingatOptions>().Bind(configuration.GetSection(PengingatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<KalenderOptions>, PengingatOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PengingatOptions>>().Value);

        // The offices' coordinators, one notion for the digest, status pengiriman, the dashboard, nilai tim kantor and the dialogs.
        services.AddOptions<KoordinatorOptions>().Bind(configuration.GetSection(KoordinatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KoordinatorOptions>>(_ => new KoordinatorOptionsValidator(configuration));
        services.TryAddSingleton<IKoordinatorKantor>(sp => new KoordinatorKantor(sp.GetRequiredService<IOptions<KoordinatorOptions>>().Value.Kantor
            .Select(e => KeyValuePair.Create(e.Key, (IReadOnlyList<string>)e.Value))));

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<KalenderOptions>>().Value.Baca(sp.GetService<IHostEnvironment>()));
        services.AddHostedService<PeringatanKalender>();
        services.AddSingleton(sp => new KalenderKerja(
            sp.GetRequiredService<KalenderLibur>(),
            sp.GetRequiredService<IOptions<KalenderOptions>>().Value.LiburKantor.Select(l => (l.Kantor.Trim(),
                new HariLibur(DateOnly.ParseExact(l.Tanggal, "yyyy-MM-dd", CultureInfo.InvariantCulture), l.Nama.Trim(), JenisLibur.LiburKantor)))));
        services.AddSingleton<IKalenderKerja>(sp => sp.GetRequiredService<KalenderKerja>());

        services.AddScoped<DataPengingat>();
        services.AddScoped<RekapKoordinatorPenyusun>();
        // The prompts' agendas are the dialog domain's (the same as the leader's "dialog" card).
        services.TryAddSingleton(sp => new PenyusunAgenda(sp.GetRequiredService<Penilai>()));
        services.AddScoped<IAgendaDialog, AgendaDialogKinerja>();
        services.AddSingleton<KartuNilai>();

        services.AddScoped<IPerencanaPengiriman, PerencanaPengingatSkp>();
        services.AddScoped<IPerencanaPengiriman, PerencanaPersetujuanSkp>();
        services.AddScoped<IPerencanaPengiriman, PerencanaRekapKoordinator>();
        services.AddScoped<IPerencanaPengiriman, PerencanaPengingatRealisasi>();
        services.AddScoped<IPerencanaPengiriman, PerencanaDialog>();
        services.AddScoped<IPerencanaPengiriman, PerencanaRingkasanNilai>();

        services.AddScoped<IPenyusunPesan, PenyusunPengingatSkp>();
        services.AddScoped<IPenyusunPesan, PenyusunKontrakBelumDimuat>();
        services.AddScoped<IPenyusunPesan>(sp => new PenyusunPersetujuanSkp(sp.GetRequiredService<DataPengingat>(), eskalasi: false));
        services.AddScoped<IPenyusunPesan>(sp => new PenyusunPersetujuanSkp(sp.GetRequiredService<DataPengingat>(), eskalasi: true));
        services.AddScoped<IPenyusunPesan, PenyusunRekapKoordinator>();
        services.AddScoped<IPenyusunPesan, PenyusunPengingatRealisasi>();
        services.AddScoped<IPenyusunPesan>(sp => new PenyusunAjakanDialog(sp.GetRequiredService<DataPengingat>(), sp.GetRequiredService<IAgendaDialog>(), organisasi: false));
        services.AddScoped<IPenyusunPesan>(sp => new PenyusunAjakanDialog(sp.GetRequiredService<DataPengingat>(), sp.GetRequiredService<IAgendaDialog>(), organisasi: true));
        services.AddScoped<IPenyusunPesan>(sp => new PenyusunRingkasanNilai(sp.GetRequiredService<DataPengingat>(), sp.GetRequiredService<KartuNilai>(), tim: false));
        services.AddScoped<IPenyusunPesan>(sp => new PenyusunRingkasanNilai(sp.GetRequiredService<DataPengingat>(), sp.GetRequiredService<KartuNilai>(), tim: true));

        // Built by a factory: its IPengirimanMassal is the delivery engine of issue 6 part A, registered by the host's
        // Hangfire area; the build-time validation of the container must not require it before that area is there.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<PengingatHarianJob>(sp));
        // JadwalPengingat compares with, and removes stale office jobs from, the host's Hangfire storage when there is one
        // (DI default: none). One instance: its cache of office versions serves the start, the sync job and the imports.
        // The sync job's own schedule (JadwalSinkron, its interval an option of Kinerja:Jadwal) is the Hangfire area's.
        services.AddSingleton<JadwalPengingat>();
        services.AddSingleton<IJadwalBerulang>(sp => sp.GetRequiredService<JadwalPengingat>());
        services.AddSingleton<IJadwalKantor>(sp => sp.GetRequiredService<JadwalPengingat>());
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SinkronJadwalJob>(sp));
        services.AddScoped<NilaiTimHandler>();
        return services;
    }

    /// <summary>Every kind has exactly one builder (a startup check and a test).</summary>
    public static IReadOnlyList<string> JenisTanpaPenyusun(IEnumerable<IPenyusunPesan> penyusun) =>
        [.. typeof(JenisPengiriman).GetFields().Select(f => (string)f.GetValue(null)!).Except(penyusun.Select(p => p.Jenis))];
}

/// <summary>
/// On start: a warning (9220) for each year the calendar should be updated for — this year, and from 1 October next
/// year — when its data is missing (only weekends are off: SKP deadlines, working-day counts and reminders of that year
/// ignore the holidays) or only estimated.
/// </summary>
internal sealed partial class PeringatanKalender(KalenderLibur kalender, TimeProvider time, ILogger<PeringatanKalender> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The earliest of the three zones' dates (WIB): a year turns first in the east, a day later does not matter here.
        var hariIni = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(ZonaWaktu.Wib.IanaId)).DateTime);
        foreach (var (tahun, keyakinan) in kalender.PerluDiperbarui(hariIni))
        {
            Log.PerluDiperbarui(logger, tahun, keyakinan ?? "missing", KalenderOptions.Section + ":Berkas");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 9220, Level = LogLevel.Warning, Message =
            "Holiday calendar for {Tahun} is {Keadaan}: until the year's joint decree (SKB libur nasional dan cuti bersama) is entered, its working days, SKP deadlines and reminders ignore or estimate the holidays. Enter it with {Kunci} (same shape as libur-nasional.json) or update the shipped file")]
        public static partial void PerluDiperbarui(ILogger logger, int tahun, string keadaan, string kunci);
    }
}
