using System.Globalization;
using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Entra;

/// <summary>
/// <see cref="IDirectory"/> on Microsoft Graph v1.0 through the Graph SDK (botframework-protocol.md §5.2–§5.4).
/// Look-ups go in batches (<c>employeeId in (…)</c>) and follow <c>@odata.nextLink</c>; app installation is
/// install-then-read: <c>POST /users/{id}/teamwork/installedApps</c> (201, or 409 when already installed), then the
/// installation of our catalog app and its chat. Refusals (403/404) come back as <see cref="AplikasiGagalDipasang"/>;
/// anything else that fails is a <see cref="DirektoriException"/>, for the caller to retry.
/// </summary>
public sealed partial class GraphDirectory(GraphServiceClient graph, IOptions<GraphOptions> options, ILogger<GraphDirectory> logger) : IDirectory
{
    /// <summary>
    /// Values per <c>in (…)</c> filter: Graph caps the expressions of a directory <c>$filter</c> (15 is the figure its
    /// docs and Q&amp;A give); e-mail batches are half that because each address is tried as mail and as UPN.
    /// </summary>
    public const int UkuranBatch = 15;

    /// <summary>employeeId must be in <c>$select</c> to be returned (§5.3).</summary>
    private static readonly string[] Kolom = ["id", "displayName", "mail", "userPrincipalName", "employeeId"];

    private readonly SemaphoreSlim _katalogGate = new(1, 1);
    private string? _katalogId;

    public bool Tersedia => true;

    public bool BisaMemasangAplikasi => !string.IsNullOrWhiteSpace(options.Value.ManifestId);

    public async Task<IReadOnlyList<AkunDirektori>> CariByEmployeeIdAsync(IReadOnlyCollection<string> employeeIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        var hasil = new List<AkunDirektori>();
        foreach (var batch in employeeIds.Distinct(StringComparer.Ordinal).Chunk(UkuranBatch))
        {
            hasil.AddRange(await DaftarAsync($"employeeId in ({Daftar(batch)})", cancellationToken).ConfigureAwait(false));
        }

        return hasil;
    }

    public async Task<IReadOnlyList<AkunDirektori>> CariByEmailAsync(IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var hasil = new Dictionary<string, AkunDirektori>(StringComparer.OrdinalIgnoreCase);
        foreach (var batch in emails.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(UkuranBatch / 2))
        {
            var nilai = Daftar(batch);
            foreach (var akun in await DaftarAsync($"mail in ({nilai}) or userPrincipalName in ({nilai})", cancellationToken).ConfigureAwait(false))
            {
                hasil.TryAdd(akun.Id, akun);
            }
        }

        return [.. hasil.Values];
    }

    public async Task<AkunDirektori?> ManajerAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        try
        {
            var manajer = await graph.Users[aadObjectId].Manager.GetAsync(rc => rc.QueryParameters.Select = Kolom, cancellationToken).ConfigureAwait(false);
            return manajer switch
            {
                User u => Akun(u),
                { Id: { } id } => new AkunDirektori(id, null, null, null, null),
                _ => null,
            };
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Graph answers 404 Request_ResourceNotFound for "no manager".
            return null;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            throw Galat($"membaca manajer {aadObjectId}", e);
        }
    }

    public async Task<HasilPemasangan> PasangAplikasiAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        var katalogId = await KatalogIdAsync(cancellationToken).ConfigureAwait(false);
        var sudahAda = false;
        try
        {
            var pemasangan = new UserScopeTeamsAppInstallation
            {
                AdditionalData = new Dictionary<string, object>
                {
                    ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.Trim().TrimEnd('/')}/appCatalogs/teamsApps/{katalogId}",
                },
            };
            await graph.Users[aadObjectId].Teamwork.InstalledApps.PostAsync(pemasangan, cancellationToken: cancellationToken).ConfigureAwait(false);
            Log.Installed(logger, aadObjectId);
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            // 409: the app is already installed for the person (microsoft-graph-docs #12199): that is what we wanted.
            sudahAda = true;
            Log.AlreadyInstalled(logger, aadObjectId);
        }
        catch (ApiException e) when (Ditolak(e))
        {
            return Tolak(aadObjectId, "memasang aplikasi", e);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            throw Galat($"memasang aplikasi untuk {aadObjectId}", e);
        }

        try
        {
            // The 201 has no body: the installation's id comes from the list, filtered to our catalog app.
            var daftar = await graph.Users[aadObjectId].Teamwork.InstalledApps.GetAsync(rc =>
            {
                rc.QueryParameters.Expand = ["teamsApp"];
                rc.QueryParameters.Filter = $"teamsApp/id eq '{Kutip(katalogId)}'";
            }, cancellationToken).ConfigureAwait(false);
            var instalasiId = daftar?.Value?.Find(i => i.Id is { Length: > 0 })?.Id
                ?? throw new DirektoriException($"Instalasi aplikasi untuk {aadObjectId} belum terlihat di Graph; coba lagi nanti.");
            var chat = await graph.Users[aadObjectId].Teamwork.InstalledApps[instalasiId].Chat.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var chatId = chat?.Id ?? throw new DirektoriException($"Graph tidak mengembalikan chat untuk instalasi {instalasiId}.");
            return new AplikasiTerpasang(instalasiId, chatId, sudahAda);
        }
        catch (ApiException e) when (Ditolak(e))
        {
            return Tolak(aadObjectId, "membaca chat", e);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            throw Galat($"membaca chat {aadObjectId}", e);
        }
    }

    /// <summary>The catalog id of our Teams app (§5.2 step 1), looked up once by the manifest id.</summary>
    private async Task<string> KatalogIdAsync(CancellationToken cancellationToken)
    {
        if (_katalogId is { } cached)
        {
            return cached;
        }

        var manifestId = options.Value.ManifestId is { Length: > 0 } m
            ? m.Trim()
            : throw new DirektoriException("Kinerja:Graph:ManifestId belum diisi: aplikasi Teams tidak dapat dipasang untuk pegawai.");
        await _katalogGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_katalogId is { } again)
            {
                return again;
            }

            TeamsAppCollectionResponse? apps;
            try
            {
                apps = await graph.AppCatalogs.TeamsApps.GetAsync(rc => rc.QueryParameters.Filter = $"externalId eq '{Kutip(manifestId)}'", cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is ApiException or HttpRequestException)
            {
                throw Galat("mencari aplikasi di katalog", e);
            }

            _katalogId = apps?.Value?.Find(a => a.Id is { Length: > 0 })?.Id
                ?? throw new DirektoriException(
                    $"Aplikasi Teams dengan id manifes {manifestId} tidak ada di katalog aplikasi organisasi: unggah paketnya ke katalog dulu.");
            Log.CatalogFound(logger, manifestId, _katalogId);
            return _katalogId;
        }
        finally
        {
            _katalogGate.Release();
        }
    }

    /// <summary>Every account of every page of a filtered user list.</summary>
    private async Task<List<AkunDirektori>> DaftarAsync(string filter, CancellationToken cancellationToken)
    {
        var hasil = new List<AkunDirektori>();
        try
        {
            var halaman = await graph.Users.GetAsync(rc =>
            {
                rc.QueryParameters.Filter = filter;
                rc.QueryParameters.Select = Kolom;
            }, cancellationToken).ConfigureAwait(false);
            if (halaman is null)
            {
                return hasil;
            }

            var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(graph, halaman, u =>
            {
                if (u.Id is { Length: > 0 })
                {
                    hasil.Add(Akun(u));
                }

                return true;
            });
            await iterator.IterateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            throw Galat("mencari pengguna", e);
        }

        Log.UsersListed(logger, hasil.Count);
        return hasil;
    }

    private static AkunDirektori Akun(User u) => new(u.Id!, u.DisplayName, u.Mail, u.UserPrincipalName, u.EmployeeId);

    private static string Daftar(IEnumerable<string> nilai) => string.Join(",", nilai.Select(v => $"'{Kutip(v)}'"));

    /// <summary>An OData string literal doubles its single quotes (an address like o'neil@… stays one value).</summary>
    private static string Kutip(string nilai) => nilai.Replace("'", "''", StringComparison.Ordinal);

    private static bool Ditolak(ApiException e) =>
        e.ResponseStatusCode is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.NotFound;

    private AplikasiGagalDipasang Tolak(string aadObjectId, string langkah, ApiException e)
    {
        var (kode, pesan) = Isi(e);
        Log.Refused(logger, aadObjectId, langkah, e.ResponseStatusCode, kode);
        return new AplikasiGagalDipasang(e.ResponseStatusCode, kode, pesan);
    }

    private DirektoriException Galat(string langkah, Exception e)
    {
        if (e is ApiException api)
        {
            var (kode, pesan) = Isi(api);
            Log.Failed(logger, langkah, api.ResponseStatusCode, kode);
            return new DirektoriException(
                $"Microsoft Graph gagal saat {langkah}: {api.ResponseStatusCode.ToString(CultureInfo.InvariantCulture)} {kode} {pesan}".TrimEnd(),
                api.ResponseStatusCode, kode, e);
        }

        Log.Failed(logger, langkah, 0, e.Message);
        return new DirektoriException($"Microsoft Graph tidak dapat dihubungi saat {langkah}: {e.Message}", inner: e);
    }

    private static (string? Kode, string? Pesan) Isi(ApiException e) =>
        e is ODataError { Error: { } error } ? (error.Code, error.Message) : (null, null);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "Graph listed {Count} users")]
        public static partial void UsersListed(ILogger logger, int count);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Teams app {ManifestId} is catalog app {CatalogId}")]
        public static partial void CatalogFound(ILogger logger, string manifestId, string catalogId);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Teams app installed for {AadObjectId}")]
        public static partial void Installed(ILogger logger, string aadObjectId);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Teams app was already installed for {AadObjectId} (409)")]
        public static partial void AlreadyInstalled(ILogger logger, string aadObjectId);

        [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Graph refused {Step} for {AadObjectId}: {Status} {Code}")]
        public static partial void Refused(ILogger logger, string aadObjectId, string step, int status, string? code);

        [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Graph failed while {Step}: {Status} {Code}")]
        public static partial void Failed(ILogger logger, string step, int status, string? code);
    }
}
