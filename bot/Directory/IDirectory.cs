namespace KinerjaBot.Entra;

// The folder is bot/Directory (architecture.md) but the namespace is KinerjaBot.Entra: a namespace named
// KinerjaBot.Directory would hide System.IO.Directory from every other KinerjaBot.* namespace.

/// <summary>A user account of the organisation's directory (Entra ID), with the fields the sync compares.</summary>
public sealed record AkunDirektori(string Id, string? NamaTampilan, string? Email, string? UserPrincipalName, string? EmployeeId);

/// <summary>What installing the bot for one person gave.</summary>
public abstract record HasilPemasangan;

/// <summary>The app is installed for the person (now, or it already was); <see cref="ChatId"/> is their 1:1 chat with the bot.</summary>
public sealed record AplikasiTerpasang(string InstallationId, string ChatId, bool SudahAda) : HasilPemasangan;

/// <summary>Graph refused for good (403/404): the status, Graph's error code and message.</summary>
public sealed record AplikasiGagalDipasang(int Status, string? KodeGalat, string? Pesan) : HasilPemasangan;

/// <summary>A directory call failed in a way that may pass (throttling, outage) or needs configuration.</summary>
public sealed class DirektoriException(string message, int? status = null, string? code = null, Exception? inner = null) : Exception(message, inner)
{
    public int? Status { get; } = status;

    public string? Code { get; } = code;
}

/// <summary>
/// The organisation's people directory, as the bot uses it: find accounts by NIP or e-mail, read a manager, install
/// the bot's app for a person. A bot-side interface rather than a domain port: only bot-side code consumes it (the
/// sync verb and the reach service, which jobs reach through <c>IJangkauanPegawai</c>), and its terms (object
/// ids, UPNs, app installations) are Entra's, not the regulation's. Two implementations: <see cref="GraphDirectory"/>
/// and, when Graph is not configured, <see cref="DirektoriTidakDikonfigurasi"/>.
/// </summary>
public interface IDirectory
{
    /// <summary>False when Graph is not configured: every call then throws <see cref="DirektoriException"/>.</summary>
    bool Tersedia { get; }

    /// <summary>Graph is configured and the Teams app's manifest id is known.</summary>
    bool BisaMemasangAplikasi { get; }

    /// <summary>Accounts whose <c>employeeId</c> is one of the values (all pages, any number of values).</summary>
    Task<IReadOnlyList<AkunDirektori>> CariByEmployeeIdAsync(IReadOnlyCollection<string> employeeIds, CancellationToken cancellationToken);

    /// <summary>Accounts whose <c>mail</c> or <c>userPrincipalName</c> is one of the addresses.</summary>
    Task<IReadOnlyList<AkunDirektori>> CariByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken);

    /// <summary>The account's manager, or null when it has none.</summary>
    Task<AkunDirektori?> ManajerAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Installs the bot's app for the person (already installed counts as installed) and reads back their chat.</summary>
    Task<HasilPemasangan> PasangAplikasiAsync(string aadObjectId, CancellationToken cancellationToken);
}

/// <summary>The directory when Graph is not configured (development, the Playground).</summary>
public sealed class DirektoriTidakDikonfigurasi : IDirectory
{
    public bool Tersedia => false;

    public bool BisaMemasangAplikasi => false;

    public Task<IReadOnlyList<AkunDirektori>> CariByEmployeeIdAsync(IReadOnlyCollection<string> employeeIds, CancellationToken cancellationToken) => Gagal<IReadOnlyList<AkunDirektori>>();

    public Task<IReadOnlyList<AkunDirektori>> CariByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken) => Gagal<IReadOnlyList<AkunDirektori>>();

    public Task<AkunDirektori?> ManajerAsync(string aadObjectId, CancellationToken cancellationToken) => Gagal<AkunDirektori?>();

    public Task<HasilPemasangan> PasangAplikasiAsync(string aadObjectId, CancellationToken cancellationToken) => Gagal<HasilPemasangan>();

    private static Task<T> Gagal<T>() => Task.FromException<T>(new DirektoriException(GraphOptions.PesanBelumDikonfigurasi));
}
