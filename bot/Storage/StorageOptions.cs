using System.ComponentModel.DataAnnotations;

namespace KinerjaBot.Storage;

/// <summary>
/// Where the offices' data lives (section <c>Kinerja:Storage</c>). Validated on start
/// (<see cref="StorageOptionsValidator"/> plus the data annotations below): a typo in the provider must stop the host,
/// not fall back silently.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Kinerja:Storage";

    /// <summary>The only provider today is the embedded default.</summary>
    public const string ProviderSqlite = "sqlite";

    /// <summary><c>sqlite</c> (the only one supported for now; Azure Tables comes later).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kinerja:Storage:Provider wajib diisi (pilihan: sqlite).")]
    public string Provider { get; set; } = ProviderSqlite;

    /// <summary>The SQLite file; a relative path is taken from the host's content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kinerja:Storage:SqlitePath wajib diisi (mis. data/kinerja.db).")]
    public string SqlitePath { get; set; } = "data/kinerja.db";
}
