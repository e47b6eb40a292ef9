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

/// <summary>Section <c>Kinerja:Kalender</c>: each office's own days off on top of the national calendar.</summary>
public sealed class KalenderOptions
{
    public const string Section = "Kinerja:Kalender";

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

/// <summary>Checks what annotations cannot: every office day off is a real date with a name.</summary>
public sealed class PengingatOptionsValidator : IValidateOptions<KalenderOptions>
{
    public ValidateOptionsResult Validate(string? name, KalenderOptions options)
    {
        var errors = new List<string>();
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

        services.AddSingleton(_ => KalenderLibur.Bawaan());
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
        // JadwalPengingat removes stale office jobs with the host's Hangfire storage when there is one (DI default: none).
        services.AddSingleton<IJadwalBerulang, JadwalPengingat>();
        services.AddSingleton<IJadwalBerulang, JadwalSinkron>();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<SinkronJadwalJob>(sp));
        services.AddScoped<NilaiTimHandler>();
        return services;
    }

    /// <summary>Every kind has exactly one builder (a startup check and a test).</summary>
    public static IReadOnlyList<string> JenisTanpaPenyusun(IEnumerable<IPenyusunPesan> penyusun) =>
        [.. typeof(JenisPengiriman).GetFields().Select(f => (string)f.GetValue(null)!).Except(penyusun.Select(p => p.Jenis))];
}
