using System.ComponentModel.DataAnnotations;
using Kinerja.Jobs.Jadwal;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Penjadwalan;

/// <summary>Hangfire in the bot host (section <c>Kinerja:Jadwal</c>, docs/pengiriman.md).</summary>
public sealed class PenjadwalanOptions
{
    public const string Section = "Kinerja:Jadwal";

    public const string PenyimpananSqlite = "sqlite";

    public const string PenyimpananPostgreSql = "postgresql";

    /// <summary><c>sqlite</c> (default: a file next to the store's SQLite file, survives a restart) or <c>postgresql</c> (several instances share one schedule).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kinerja:Jadwal:Penyimpanan wajib diisi (pilihan: sqlite, postgresql).")]
    public string Penyimpanan { get; set; } = PenyimpananSqlite;

    /// <summary>The Hangfire SQLite file; default <c>hangfire.db</c> in the folder of <c>Kinerja:Storage:SqlitePath</c>.</summary>
    public string? SqlitePath { get; set; }

    /// <summary>With <c>postgresql</c>: the Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>).</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>With <c>postgresql</c>: the schema of Hangfire's tables.</summary>
    public string PostgreSqlSchema { get; set; } = "hangfire";

    /// <summary>Whether this instance runs a Hangfire server (workers). Off: it only plans and serves the dashboard.</summary>
    public bool Server { get; set; } = true;

    /// <summary>Hangfire workers of this instance.</summary>
    [Range(1, 200, ErrorMessage = "Kinerja:Jadwal:JumlahPekerja harus 1–200.")]
    public int JumlahPekerja { get; set; } = 4;

    /// <summary>How often idle workers look for new jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00", ErrorMessage = "Kinerja:Jadwal:IntervalAntrian harus 50 ms – 5 menit.")]
    public TimeSpan IntervalAntrian { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A job fetched by a worker that died (crash, SIGKILL) is given to another worker after this long. Longer than a
    /// batch of deliveries takes (a batch run twice sends nothing twice, but does the work twice).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Kinerja:Jadwal:BatasTakTerlihat harus 1 detik – 1 hari.")]
    public TimeSpan BatasTakTerlihat { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the recurring job <c>jadwal-sinkron</c> brings the offices' daily jobs in line with the store (an office
    /// imported by the CLI, another process, waits at most this long; an import inside the bot registers at once). Whole
    /// minutes dividing an hour: 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60.
    /// </summary>
    public TimeSpan IntervalSinkron { get; set; } = JadwalSinkron.IntervalBawaan;

    [Required]
    public DasborOptions Dasbor { get; set; } = new();

    internal bool PakaiPostgreSql => string.Equals(Penyimpanan?.Trim(), PenyimpananPostgreSql, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The Hangfire dashboard at <see cref="Path"/>: only coordinators and administrators, authenticated with an Entra ID
/// token (Bearer) or a browser session opened by a <c>dasbor jadwal</c> link — never anonymous. Off unless
/// <see cref="Aktif"/> (which needs <see cref="Authority"/> and <see cref="Audience"/>).
/// </summary>
public sealed class DasborOptions
{
    public bool Aktif { get; set; }

    public string Path { get; set; } = "/hangfire";

    /// <summary>The token issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The dashboard's app id URI or client id the token must be for.</summary>
    public string? Audience { get; set; }

    /// <summary>The app role (<c>roles</c> claim) of administrators.</summary>
    public string PeranAdmin { get; set; } = "KinerjaBot.Admin";

    /// <summary>
    /// The administrators' Entra ID object ids (<c>oid</c>, the Teams activity's <c>from.aadObjectId</c>): who gets full
    /// access through <c>dasbor jadwal</c> in Teams, where no app role is carried. Their bearer tokens count as the
    /// administrators' too.
    /// </summary>
    public List<string> Administrator { get; set; } = [];

    /// <summary>How long a link from <c>dasbor jadwal</c> may be opened (once).</summary>
    public TimeSpan MasaBerlakuTautan { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the browser session a link opens lasts (not extended by use).</summary>
    public TimeSpan MasaSesi { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Whether <paramref name="oid"/> is one of <see cref="Administrator"/>.</summary>
    internal bool AdalahAdministrator(string? oid) =>
        oid is { Length: > 0 } && Administrator.Any(a => string.Equals(a.Trim(), oid, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The checks data annotations cannot express; messages name the key.</summary>
public sealed class PenjadwalanOptionsValidator : IValidateOptions<PenjadwalanOptions>
{
    public ValidateOptionsResult Validate(string? name, PenjadwalanOptions options)
    {
        var kesalahan = new List<string>();
        var penyimpanan = options.Penyimpanan?.Trim();
        if (!string.IsNullOrEmpty(penyimpanan) && !string.Equals(penyimpanan, PenjadwalanOptions.PenyimpananSqlite, StringComparison.OrdinalIgnoreCase)
            && !options.PakaiPostgreSql)
        {
            kesalahan.Add($"Kinerja:Jadwal:Penyimpanan '{options.Penyimpanan}' tidak dikenal; yang didukung: sqlite, postgresql.");
        }

        if (options.PakaiPostgreSql)
        {
            if (string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
            {
                kesalahan.Add("Kinerja:Jadwal:PostgreSqlConnectionString wajib diisi untuk penyimpanan postgresql (Host=…;Database=…;Username=…;Password=…).");
            }
            else
            {
                try
                {
                    _ = new Npgsql.NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
                }
                catch (ArgumentException)
                {
                    kesalahan.Add("Kinerja:Jadwal:PostgreSqlConnectionString tidak bisa dibaca (mis. Host=127.0.0.1;Database=kinerja;Username=…;Password=…).");
                }
            }

            if (string.IsNullOrWhiteSpace(options.PostgreSqlSchema) || !options.PostgreSqlSchema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                kesalahan.Add($"Kinerja:Jadwal:PostgreSqlSchema '{options.PostgreSqlSchema}' harus huruf kecil, angka atau '_'.");
            }
        }

        if (options.SqlitePath is { } path && (path.Trim().Length == 0 || path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0))
        {
            kesalahan.Add($"Kinerja:Jadwal:SqlitePath '{path}' bukan nama berkas.");
        }

        if (!JadwalSinkron.IntervalSah(options.IntervalSinkron))
        {
            kesalahan.Add($"Kinerja:Jadwal:IntervalSinkron '{options.IntervalSinkron}' harus menit bulat yang membagi satu jam " +
                "(00:01:00, 00:02:00, 00:03:00, 00:04:00, 00:05:00, 00:06:00, 00:10:00, 00:12:00, 00:15:00, 00:20:00, 00:30:00 atau 01:00:00).");
        }

        if (options.Dasbor.Aktif)
        {
            if (!Uri.TryCreate(options.Dasbor.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                kesalahan.Add("Kinerja:Jadwal:Dasbor:Authority wajib berupa URL https (penerbit token Entra ID) bila dasbor aktif.");
            }

            if (string.IsNullOrWhiteSpace(options.Dasbor.Audience))
            {
                kesalahan.Add("Kinerja:Jadwal:Dasbor:Audience wajib diisi bila dasbor aktif.");
            }

            // Nested options are not reached by ValidateDataAnnotations: the ranges are checked here.
            if (options.Dasbor.MasaBerlakuTautan < TimeSpan.FromMinutes(1) || options.Dasbor.MasaBerlakuTautan > TimeSpan.FromHours(1))
            {
                kesalahan.Add("Kinerja:Jadwal:Dasbor:MasaBerlakuTautan harus 1–60 menit.");
            }

            if (options.Dasbor.MasaSesi < TimeSpan.FromMinutes(5) || options.Dasbor.MasaSesi > TimeSpan.FromHours(8))
            {
                kesalahan.Add("Kinerja:Jadwal:Dasbor:MasaSesi harus 5 menit – 8 jam.");
            }

            for (var i = 0; i < options.Dasbor.Administrator.Count; i++)
            {
                if (!Guid.TryParse(options.Dasbor.Administrator[i], out _))
                {
                    kesalahan.Add($"Kinerja:Jadwal:Dasbor:Administrator:{i.ToString(System.Globalization.CultureInfo.InvariantCulture)} '{options.Dasbor.Administrator[i]}' bukan object id Entra ID (GUID).");
                }
            }

            if (!options.Dasbor.Path.StartsWith('/') || options.Dasbor.Path.Length < 2)
            {
                kesalahan.Add($"Kinerja:Jadwal:Dasbor:Path '{options.Dasbor.Path}' harus diawali '/'.");
            }
        }

        return kesalahan.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(kesalahan);
    }
}
