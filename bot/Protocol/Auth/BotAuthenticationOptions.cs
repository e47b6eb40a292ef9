using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

// The options keep the namespace they had before inbound validation existed: other areas (the connector) use them.
namespace KinerjaBot.Protocol;

/// <summary>
/// The Bot Framework's own configuration keys (top level, like an Azure Bot deployment's app settings, so an existing
/// deployment carries over), plus KinerjaBot's inbound policy under <c>Kinerja:Bot</c>. Rules: see
/// <see cref="BotAuthenticationOptionsValidator"/> and botframework-protocol.md §1.
/// </summary>
public sealed class BotAuthenticationOptions
{
    /// <summary>Section of KinerjaBot's own inbound policy (tenants, key refresh).</summary>
    public const string PolicySection = "Kinerja:Bot";

    public const string DefaultOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Application (client) id of the bot's Entra app registration or user-assigned managed identity.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Client secret (MultiTenant and SingleTenant; the outbound token is the connector's business).</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Alternative to the secret: a PKCS#12 (.pfx) file with the private key.</summary>
    public string? MicrosoftAppCertificatePath { get; set; }

    /// <summary>Password of <see cref="MicrosoftAppCertificatePath"/>, if it has one.</summary>
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary><c>MultiTenant</c> (the SDK's default when empty), <c>SingleTenant</c> or <c>UserAssignedMSI</c>.</summary>
    public string? MicrosoftAppType { get; set; }

    /// <summary>The bot's home tenant; required for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Connector (its JWKS names the keys that sign inbound tokens).</summary>
    public string? BotOpenIdMetadata { get; set; }

    /// <summary>
    /// <c>Kinerja:Bot:TenantDiizinkan</c>: tenants whose conversations the bot serves (an array, or one string of
    /// GUIDs separated by commas). Empty: the home tenant for SingleTenant/UserAssignedMSI, no restriction for
    /// MultiTenant (a warning is logged on start).
    /// </summary>
    public IReadOnlyList<string> TenantDiizinkan { get; set; } = [];

    /// <summary>
    /// <c>Kinerja:Bot:JedaRefreshKunci</c>: the least time between two fetches of the metadata when a token names an
    /// unknown key id (and after a failed fetch). Default 5 minutes, like Microsoft.IdentityModel.
    /// </summary>
    public TimeSpan JedaRefreshKunci { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The app type with the SDK's default applied; null when the configured value is not a known type.</summary>
    public BotAppType? AppType => string.IsNullOrWhiteSpace(MicrosoftAppType)
        ? BotAppType.MultiTenant
        : Enum.GetValues<BotAppType>().Cast<BotAppType?>()
            .FirstOrDefault(t => string.Equals(t.ToString(), MicrosoftAppType.Trim(), StringComparison.OrdinalIgnoreCase));

    public string OpenIdMetadataUrl => string.IsNullOrWhiteSpace(BotOpenIdMetadata) ? DefaultOpenIdMetadata : BotOpenIdMetadata.Trim();

    /// <summary>
    /// Tenants allowed inbound (§1.2 step 8): the configured list, else the home tenant of a single-tenant bot, else
    /// empty = any tenant.
    /// </summary>
    public IReadOnlyList<string> EffectiveTenants =>
        TenantDiizinkan.Count > 0 ? TenantDiizinkan
        : AppType is BotAppType.SingleTenant or BotAppType.UserAssignedMSI && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? [MicrosoftAppTenantId.Trim()]
        : [];

    /// <summary>Reads <c>Kinerja:Bot</c> (binding the root and the section into one object would mix their keys).</summary>
    internal void ReadPolicy(IConfiguration configuration)
    {
        var section = configuration.GetSection(PolicySection);
        var tenants = section.GetSection(nameof(TenantDiizinkan));
        TenantDiizinkan = tenants.Value is { } single
            ? single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : tenants.GetChildren().Select(c => c.Value?.Trim() ?? string.Empty).ToArray();
        if (section[nameof(JedaRefreshKunci)] is { Length: > 0 } interval)
        {
            // A value that is not a time span is reported by the validator, naming the key, instead of a binder crash.
            JedaRefreshKunci = TimeSpan.TryParse(interval, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.MinValue;
            JedaRefreshKunciText = interval;
        }
    }

    internal string? JedaRefreshKunciText { get; private set; }
}

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

/// <summary>
/// Checks the inbound configuration on start, each message naming the key. Anonymous (development) mode exists only
/// when the host runs in the Development environment AND no MicrosoftAppId is configured (§1.5); then nothing else is
/// checked. With an app id every key must make sense for production.
/// </summary>
public sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaximumRefreshInterval = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppId))
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"MicrosoftAppId is not configured. Anonymous mode (no token validation) is only allowed in the Development environment; this host runs in '{environment.EnvironmentName}'. Configure MicrosoftAppId, or set ASPNETCORE_ENVIRONMENT=Development for local development.");
        }

        var errors = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            errors.Add($"MicrosoftAppId '{options.MicrosoftAppId}' is not a GUID: use the Application (client) ID of the bot's Entra app registration or managed identity.");
        }

        var type = options.AppType;
        if (type is null)
        {
            errors.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            if (type is BotAppType.SingleTenant or BotAppType.UserAssignedMSI)
            {
                errors.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {type}: the tenant id (GUID) of the bot's home tenant.");
            }
        }
        else if (!Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            errors.Add($"MicrosoftAppTenantId '{options.MicrosoftAppTenantId}' is not a GUID.");
        }

        CheckCredential(options, type, errors);

        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) || metadata.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"BotOpenIdMetadata '{options.BotOpenIdMetadata}' is not an absolute https URL (default {BotAuthenticationOptions.DefaultOpenIdMetadata}).");
        }

        for (var i = 0; i < options.TenantDiizinkan.Count; i++)
        {
            if (!Guid.TryParse(options.TenantDiizinkan[i], out _))
            {
                errors.Add($"{BotAuthenticationOptions.PolicySection}:TenantDiizinkan[{i}] '{options.TenantDiizinkan[i]}' is not a tenant id (GUID).");
            }
        }

        if (options.JedaRefreshKunci < MinimumRefreshInterval || options.JedaRefreshKunci > MaximumRefreshInterval)
        {
            errors.Add($"{BotAuthenticationOptions.PolicySection}:JedaRefreshKunci '{options.JedaRefreshKunciText ?? options.JedaRefreshKunci.ToString("c", System.Globalization.CultureInfo.InvariantCulture)}' must be a time span between 00:00:01 and 1.00:00:00 (default 00:05:00).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// The bot needs a credential to answer (its outbound token): a secret or a certificate for an app registration,
    /// nothing for a managed identity. Checked here so a deployment without one fails on start, not on the first reply.
    /// </summary>
    private static void CheckCredential(BotAuthenticationOptions options, BotAppType? type, List<string> errors)
    {
        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasCertificate = !string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath);
        if (!hasCertificate && !string.IsNullOrEmpty(options.MicrosoftAppCertificatePassword))
        {
            errors.Add("MicrosoftAppCertificatePassword is set but MicrosoftAppCertificatePath is not.");
        }

        if (type is BotAppType.UserAssignedMSI)
        {
            if (hasPassword || hasCertificate)
            {
                errors.Add("MicrosoftAppPassword and MicrosoftAppCertificatePath must not be set when MicrosoftAppType is UserAssignedMSI: the managed identity has no secret.");
            }

            return;
        }

        if (type is null)
        {
            return;
        }

        if (hasPassword && hasCertificate)
        {
            errors.Add("MicrosoftAppPassword and MicrosoftAppCertificatePath are both set: configure one credential, not both.");
        }
        else if (!hasPassword && !hasCertificate)
        {
            errors.Add($"MicrosoftAppPassword (or MicrosoftAppCertificatePath) is required when MicrosoftAppType is {type}: the bot needs it to get its token for replies.");
        }
        else if (hasCertificate && CertificateProblem(options.MicrosoftAppCertificatePath!, options.MicrosoftAppCertificatePassword) is { } problem)
        {
            errors.Add($"MicrosoftAppCertificatePath '{options.MicrosoftAppCertificatePath}' {problem}.");
        }
    }

    private static string? CertificateProblem(string path, string? password)
    {
        if (!File.Exists(path))
        {
            return "does not exist";
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey ? null : "holds no private key";
        }
        catch (CryptographicException)
        {
            return "is not a PKCS#12 (.pfx) file readable with MicrosoftAppCertificatePassword";
        }
    }
}
