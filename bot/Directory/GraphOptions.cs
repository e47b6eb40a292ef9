using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Entra;

/// <summary>
/// Microsoft Graph (section <c>Kinerja:Graph</c>): the directory sync and the app installation for people who never
/// talked to the bot. The credentials are an app registration's client secret with the application permissions
/// <c>User.Read.All</c>, <c>TeamsAppInstallation.ReadWriteSelfForUser.All</c> and <c>AppCatalog.Read.All</c>
/// (admin consent). When <see cref="TenantId"/>, <see cref="ClientId"/> and <see cref="ClientSecret"/> are all empty,
/// the bot's own keys are used (<c>MicrosoftAppTenantId</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>):
/// one app registration for both is the usual Teams deployment. Without credentials Graph is simply off (development,
/// the Playground): nothing is installed and the sync verb says what to configure.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Kinerja:Graph";

    public const string BaseUrlBawaan = "https://graph.microsoft.com/v1.0";

    /// <summary>The Graph endpoint (another national cloud, or a fake in tests).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kinerja:Graph:BaseUrl wajib diisi (mis. https://graph.microsoft.com/v1.0).")]
    public string BaseUrl { get; set; } = BaseUrlBawaan;

    /// <summary>The organisation's Entra ID tenant (GUID or verified domain).</summary>
    public string? TenantId { get; set; }

    /// <summary>Application (client) id of the app registration that calls Graph.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// The <c>id</c> of the Teams app manifest: the catalog app is found by it (<c>externalId</c>) to install the bot
    /// for a person. Without it the bot never installs itself.
    /// </summary>
    public string? ManifestId { get; set; }

    /// <summary>True when the credentials came from the bot's own keys (set on binding, not configurable).</summary>
    internal bool DariKunciBot { get; set; }

    /// <summary>Graph can be called: a tenant of the organisation and a complete client credential.</summary>
    public bool Dikonfigurasi =>
        !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret)
        && !GraphOptionsValidator.BukanTenantOrganisasi(TenantId);

    /// <summary>The token scope of the configured endpoint (<c>https://graph.microsoft.com/.default</c>). A method: the
    /// data-annotation validator reads every property, and a bad URL must fail as a message, not an exception.</summary>
    public string Scope() => $"{new Uri(BaseUrl.Trim()).GetLeftPart(UriPartial.Authority)}/.default";

    /// <summary>What the sync verb prints when Graph is off.</summary>
    public const string PesanBelumDikonfigurasi =
        "Microsoft Graph belum dikonfigurasi: isi Kinerja:Graph:TenantId, Kinerja:Graph:ClientId dan Kinerja:Graph:ClientSecret "
        + "(atau MicrosoftAppTenantId, MicrosoftAppId dan MicrosoftAppPassword bot).";
}

/// <summary>Takes the bot's keys when the section names no credential at all.</summary>
internal sealed class GraphOptionsSetup(IConfiguration configuration) : IPostConfigureOptions<GraphOptions>
{
    public void PostConfigure(string? name, GraphOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TenantId) || !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return;
        }

        options.TenantId = Isi(configuration["MicrosoftAppTenantId"]);
        options.ClientId = Isi(configuration["MicrosoftAppId"]);
        options.ClientSecret = Isi(configuration["MicrosoftAppPassword"]);
        options.DariKunciBot = options.TenantId is not null || options.ClientId is not null || options.ClientSecret is not null;
    }

    private static string? Isi(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>
/// The checks data annotations cannot make; messages name the key. The bot's own keys are not judged here (a
/// legacy multi-tenant bot has no tenant of its own: Graph is then just off), only what <c>Kinerja:Graph</c> says.
/// </summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var kesalahan = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !UrlAman(options.BaseUrl))
        {
            kesalahan.Add($"Kinerja:Graph:BaseUrl '{options.BaseUrl}' harus URL https absolut, mis. {GraphOptions.BaseUrlBawaan}.");
        }

        if (!options.DariKunciBot)
        {
            var kosong = new[] { ("TenantId", options.TenantId), ("ClientId", options.ClientId), ("ClientSecret", options.ClientSecret) }
                .Where(k => string.IsNullOrWhiteSpace(k.Item2)).Select(k => k.Item1).ToList();
            if (kosong.Count is > 0 and < 3)
            {
                kesalahan.Add($"Kinerja:Graph: TenantId, ClientId dan ClientSecret harus diisi bersama; yang kosong: {string.Join(", ", kosong)}.");
            }

            if (BukanTenantOrganisasi(options.TenantId))
            {
                kesalahan.Add($"Kinerja:Graph:TenantId '{options.TenantId}' bukan tenant organisasi: Microsoft Graph perlu id tenant Entra ID kantor (GUID).");
            }

            if (!string.IsNullOrWhiteSpace(options.ClientId) && !Guid.TryParse(options.ClientId, out _))
            {
                kesalahan.Add($"Kinerja:Graph:ClientId '{options.ClientId}' harus GUID (Application (client) ID di Entra ID).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ManifestId) && !Guid.TryParse(options.ManifestId, out _))
        {
            kesalahan.Add($"Kinerja:Graph:ManifestId '{options.ManifestId}' harus GUID (nilai 'id' di manifest.json aplikasi Teams).");
        }

        return kesalahan.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(kesalahan);
    }

    /// <summary>The Bot Framework's own tenant (legacy multi-tenant bots) has none of the organisation's people.</summary>
    internal static bool BukanTenantOrganisasi(string? tenantId) =>
        string.Equals(tenantId?.Trim(), "botframework.com", StringComparison.OrdinalIgnoreCase)
        || string.Equals(tenantId?.Trim(), "common", StringComparison.OrdinalIgnoreCase);

    /// <summary>https, or http to this machine only (a local fake of Graph).</summary>
    internal static bool UrlAman(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
