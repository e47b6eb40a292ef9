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

/// <summary>Who a person not found in any office should contact.</summary>
public sealed class KoordinatorOptions
{
    [Required]
    public string Nama { get; set; } = "Manajer Kinerja Pegawai (Subbagian Umum) kantor Anda";

    [EmailAddress]
    public string? Email { get; set; }
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
