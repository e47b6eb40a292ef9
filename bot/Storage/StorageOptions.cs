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

    /// <summary>The embedded default.</summary>
    public const string ProviderSqlite = "sqlite";

    /// <summary>
    /// Azure Tables (docs/storage.md): every port, one table each — offices (<c>Kantor</c>), SKP workflows and delegations
    /// (<c>Kontrak</c>), linked users (<c>Pengguna</c>), conversation references (<c>Percakapan</c>), SKP cards
    /// (<c>KartuSkp</c>), performance dialogs (<c>Dialog</c>) and the delivery ledger (<c>Pengiriman</c>).
    /// </summary>
    public const string ProviderTables = "tables";

    /// <summary><c>sqlite</c> (default) or <c>tables</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kinerja:Storage:Provider wajib diisi (pilihan: sqlite, tables).")]
    public string Provider { get; set; } = ProviderSqlite;

    /// <summary>The SQLite file; a relative path is taken from the host's content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kinerja:Storage:SqlitePath wajib diisi (mis. data/kinerja.db).")]
    public string SqlitePath { get; set; } = "data/kinerja.db";

    /// <summary>
    /// With provider <c>tables</c>: <c>UseDevelopmentStorage=true</c> (Azurite) or an account connection string
    /// (<c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…</c> or one with <c>TableEndpoint=…</c>).
    /// </summary>
    public string? TablesConnectionString { get; set; }

    /// <summary>
    /// With provider <c>tables</c>, instead of a connection string: the account's table endpoint
    /// (<c>https://{account}.table.core.windows.net/</c>), reached with a managed identity (<see cref="TablesManagedIdentityClientId"/>)
    /// or, without one, <c>DefaultAzureCredential</c> (Azure.Identity: environment, workload identity, managed identity, Azure CLI…).
    /// The identity needs the role "Storage Table Data Contributor" on the account.
    /// </summary>
    public string? TablesEndpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity for <see cref="TablesEndpoint"/>; empty uses <c>DefaultAzureCredential</c>.</summary>
    public string? TablesManagedIdentityClientId { get; set; }

    /// <summary>
    /// The prefix of the table names (<c>{prefix}Kantor</c>, <c>{prefix}Kontrak</c>, <c>{prefix}Pengguna</c>,
    /// <c>{prefix}Percakapan</c>, <c>{prefix}KartuSkp</c>, <c>{prefix}Dialog</c>, <c>{prefix}Pengiriman</c>): letters and
    /// digits, starting with a letter.
    /// </summary>
    public string TablesPrefix { get; set; } = "Kinerja";

    internal bool PakaiTables => string.Equals(Provider?.Trim(), ProviderTables, StringComparison.OrdinalIgnoreCase);
}
