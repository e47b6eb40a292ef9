using System.ComponentModel.DataAnnotations;
using Kinerja.Domain.Penilaian;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>Section <c>Kinerja</c>: the bot's own settings.</summary>
public sealed class KinerjaOptions
{
    public const string Section = "Kinerja";

    [Required]
    public KebijakanOptions Kebijakan { get; set; } = new();

    [Required]
    public DemoOptions Demo { get; set; } = new();

    [Required]
    public KoordinatorOptions Koordinator { get; set; } = new();
}

/// <summary>The scoring policy: a shipped preset, optionally with an office override file of the same shape.</summary>
public sealed class KebijakanOptions
{
    [Required]
    public string Preset { get; set; } = "kmk467";

    /// <summary>Path of a JSON file whose values replace the preset's (domain.md §9: an office can override any value).</summary>
    public string? Override { get; set; }
}

/// <summary>The demo office loaded into an empty store on start (development and the run command).</summary>
public sealed class DemoOptions
{
    public bool MuatSaatKosong { get; set; }

    /// <summary>Folder of the demo office's CSV files, relative to the application folder.</summary>
    public string Data { get; set; } = "DemoData/kppn-metro";
}

/// <summary>
/// Section <c>Kinerja:Koordinator</c>: the offices' coordinators (<see cref="Kantor"/>) and whom a person not found in
/// any office should contact (<see cref="Nama"/>, <see cref="Email"/>).
/// </summary>
public sealed class KoordinatorOptions
{
    public const string Section = "Kinerja:Koordinator";

    /// <summary>The contact shown to a person not found in any office.</summary>
    [Required]
    public string Nama { get; set; } = "Manajer Kinerja Pegawai (Subbagian Umum) kantor Anda";

    /// <summary>The contact's e-mail (shown only; it makes nobody a coordinator).</summary>
    [EmailAddress]
    public string? Email { get; set; }

    /// <summary>
    /// The coordinators (Manajer Kinerja Organisasi/Pegawai) per office code, each a NIP or an e-mail of someone in the
    /// office: <c>Kinerja:Koordinator:Kantor:KPPN-METRO:0</c>. An office not listed (or whose entries name nobody in
    /// it): the heads of its <i>Subbagian Umum</i>/<i>Bagian Umum</i> (<see cref="Kinerja.Domain.Organisasi.KoordinatorKantor"/>).
    /// </summary>
    public Dictionary<string, List<string>> Kantor { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The offices' coordinators as configured (for hosts without the scheduled messages' services: the CLI).</summary>
    public static Kinerja.Domain.Organisasi.KoordinatorKantor Layanan(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var o = configuration.GetSection(Section).Get<KoordinatorOptions>() ?? new KoordinatorOptions();
        return new(o.Kantor.Select(e => KeyValuePair.Create(e.Key, (IReadOnlyList<string>)e.Value)));
    }
}

/// <summary>
/// The coordinators' list is valid (every entry a NIP or an e-mail, the key named), and none of the four lists it
/// replaced is still configured: an old key would otherwise be silently ignored.
/// </summary>
public sealed class KoordinatorOptionsValidator(IConfiguration configuration) : IValidateOptions<KoordinatorOptions>
{
    /// <summary>The keys that named coordinators before <c>Kinerja:Koordinator:Kantor</c>.</summary>
    public static IReadOnlyList<string> KunciLama { get; } = ["Kinerja:Dialog:Koordinator", "Kinerja:Jadwal:Koordinator", "Kinerja:Pengingat:Koordinator"];

    public ValidateOptionsResult Validate(string? name, KoordinatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (kantor, isi) in options.Kantor)
        {
            if (string.IsNullOrWhiteSpace(kantor))
            {
                errors.Add($"{KoordinatorOptions.Section}:Kantor has an empty office code.");
            }

            for (var i = 0; i < isi.Count; i++)
            {
                if (!Kinerja.Domain.Organisasi.KoordinatorKantor.EntriSah(isi[i]))
                {
                    errors.Add($"{KoordinatorOptions.Section}:Kantor:{kantor}:{i.ToString(System.Globalization.CultureInfo.InvariantCulture)} '{isi[i]}' is neither an 18-digit NIP nor an e-mail address.");
                }
            }
        }

        foreach (var kunci in KunciLama)
        {
            if (configuration.GetSection(kunci).Exists())
            {
                errors.Add($"{kunci} is no longer read: list each office's coordinators (NIP or e-mail) under {KoordinatorOptions.Section}:Kantor:{{KODE-KANTOR}}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Checks what data annotations cannot: the preset exists and the files named are there.</summary>
public sealed class KinerjaOptionsValidator(IHostEnvironment environment) : IValidateOptions<KinerjaOptions>
{
    public ValidateOptionsResult Validate(string? name, KinerjaOptions options)
    {
        var errors = new List<string>();
        if (!KebijakanPenilaianReader.Preset.Contains(options.Kebijakan.Preset, StringComparer.Ordinal))
        {
            errors.Add($"Kinerja:Kebijakan:Preset '{options.Kebijakan.Preset}' is not a shipped preset ({string.Join(", ", KebijakanPenilaianReader.Preset)}).");
        }

        if (options.Kebijakan.Override is { Length: > 0 } path && !File.Exists(Resolve(path)))
        {
            errors.Add($"Kinerja:Kebijakan:Override file '{path}' does not exist.");
        }

        if (options.Demo.MuatSaatKosong && !Directory.Exists(ResolveApp(options.Demo.Data)))
        {
            errors.Add($"Kinerja:Demo:Data folder '{options.Demo.Data}' does not exist.");
        }

        // Data annotations do not descend into nested sections: the nested values are checked here.
        if (string.IsNullOrWhiteSpace(options.Koordinator.Nama))
        {
            errors.Add("Kinerja:Koordinator:Nama must not be empty.");
        }

        if (options.Koordinator.Email is { Length: > 0 } email && !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add($"Kinerja:Koordinator:Email '{email}' is not an e-mail address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);

    public static string ResolveApp(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
}
