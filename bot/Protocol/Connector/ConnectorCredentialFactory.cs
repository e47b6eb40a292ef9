using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Protocol.Connector;

/// <summary>
/// The Bot Framework's own credential keys, top level like an Azure Bot deployment's app settings, read here directly
/// so the outbound side does not depend on how inbound authentication binds them. The certificate keys are
/// KinerjaBot's: <c>MicrosoftAppCertificatePath</c> (a .pfx/.p12, or a .pem with its key) and
/// <c>MicrosoftAppCertificatePassword</c>.
/// </summary>
public sealed class ConnectorCredentialOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public string? MicrosoftAppCertificatePath { get; set; }

    public string? MicrosoftAppCertificatePassword { get; set; }
}

/// <summary>Which Azure.Identity credential the bot uses, and against which tenant.</summary>
public enum ConnectorCredentialKind
{
    ClientSecret,
    ClientCertificate,
    UserAssignedManagedIdentity,
}

/// <summary>What will be asked of Entra ID: credential kind, authority tenant and client id (never the secret).</summary>
public sealed record ConnectorCredentialPlan(ConnectorCredentialKind Kind, string TenantId, string ClientId, string? CertificatePath);

/// <summary>
/// Builds the bot's <see cref="TokenCredential"/> from the Bot Framework keys (botframework-protocol.md §2.1):
/// MultiTenant (the default when <c>MicrosoftAppType</c> is empty, as in the SDK) asks the <c>botframework.com</c>
/// tenant; SingleTenant asks <c>MicrosoftAppTenantId</c>; UserAssignedMSI uses the managed identity whose client id is
/// <c>MicrosoftAppId</c> (only works on Azure). Public cloud only: the US government clouds need another authority
/// and scope (<c>api.botframework.us</c>), not supported yet.
/// </summary>
public static class ConnectorCredentialFactory
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>The tenant of Bot Framework's legacy multi-tenant registrations.</summary>
    public const string BotFrameworkTenant = "botframework.com";

    /// <summary>The plan for these keys, or the reasons they cannot work (each naming its key).</summary>
    public static (ConnectorCredentialPlan? Plan, IReadOnlyList<string> Errors) Plan(ConnectorCredentialOptions o)
    {
        var errors = new List<string>();
        var appId = o.MicrosoftAppId?.Trim();
        if (string.IsNullOrEmpty(appId))
        {
            errors.Add("MicrosoftAppId tidak diisi: tanpa app id bot tidak punya kredensial untuk connector.");
            return (null, errors);
        }

        var type = string.IsNullOrWhiteSpace(o.MicrosoftAppType) ? MultiTenant : o.MicrosoftAppType.Trim();
        var tenant = o.MicrosoftAppTenantId?.Trim();
        var hasPassword = !string.IsNullOrEmpty(o.MicrosoftAppPassword);
        var certificate = string.IsNullOrWhiteSpace(o.MicrosoftAppCertificatePath) ? null : o.MicrosoftAppCertificatePath.Trim();

        if (string.Equals(type, UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(tenant))
            {
                errors.Add("MicrosoftAppTenantId wajib diisi untuk MicrosoftAppType UserAssignedMSI.");
            }

            return errors.Count > 0 ? (null, errors) : (new ConnectorCredentialPlan(ConnectorCredentialKind.UserAssignedManagedIdentity, tenant!, appId, null), errors);
        }

        string authorityTenant;
        if (string.Equals(type, SingleTenant, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(tenant))
            {
                errors.Add("MicrosoftAppTenantId wajib diisi untuk MicrosoftAppType SingleTenant.");
            }

            authorityTenant = tenant ?? string.Empty;
        }
        else if (string.Equals(type, MultiTenant, StringComparison.OrdinalIgnoreCase))
        {
            authorityTenant = BotFrameworkTenant;
        }
        else
        {
            errors.Add($"MicrosoftAppType '{o.MicrosoftAppType}' tidak dikenal; pilihan: {MultiTenant}, {SingleTenant}, {UserAssignedMsi}.");
            authorityTenant = string.Empty;
        }

        if (hasPassword && certificate is not null)
        {
            errors.Add("Isi salah satu saja: MicrosoftAppPassword atau MicrosoftAppCertificatePath, bukan keduanya.");
        }
        else if (!hasPassword && certificate is null)
        {
            errors.Add($"MicrosoftAppPassword atau MicrosoftAppCertificatePath wajib diisi untuk MicrosoftAppType {type}.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return certificate is null
            ? (new ConnectorCredentialPlan(ConnectorCredentialKind.ClientSecret, authorityTenant, appId, null), errors)
            : (new ConnectorCredentialPlan(ConnectorCredentialKind.ClientCertificate, authorityTenant, appId, certificate), errors);
    }

    /// <summary>A new credential for the keys (a relative certificate path is taken from <paramref name="contentRoot"/>).</summary>
    public static TokenCredential Create(ConnectorCredentialOptions o, string contentRoot)
    {
        var (plan, errors) = Plan(o);
        if (plan is null)
        {
            throw new OptionsValidationException(nameof(ConnectorCredentialOptions), typeof(ConnectorCredentialOptions), errors);
        }

        return plan.Kind switch
        {
            ConnectorCredentialKind.ClientSecret => new ClientSecretCredential(plan.TenantId, plan.ClientId, o.MicrosoftAppPassword),
            ConnectorCredentialKind.ClientCertificate => new ClientCertificateCredential(
                plan.TenantId, plan.ClientId, LoadCertificate(Resolve(plan.CertificatePath!, contentRoot), o.MicrosoftAppCertificatePassword)),
            _ => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(plan.ClientId)),
        };
    }

    public static string Resolve(string path, string contentRoot) => Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);

    /// <summary>
    /// The certificate with its private key: PKCS#12 (.pfx/.p12), or PEM holding the certificate and its (possibly
    /// encrypted) key.
    /// </summary>
    public static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
        {
            certificate = string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }
        else
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException($"Sertifikat '{path}' tidak memuat kunci privat.");
        }

        return certificate;
    }
}

/// <summary>
/// Checks the credential keys on start, but only when an app id is configured: without one the bot runs in
/// development mode (or <see cref="BotAuthentication"/> stops it) and needs no credential.
/// </summary>
public sealed class ConnectorCredentialOptionsValidator(IHostEnvironment environment) : IValidateOptions<ConnectorCredentialOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectorCredentialOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppId))
        {
            return ValidateOptionsResult.Success;
        }

        var (plan, errors) = ConnectorCredentialFactory.Plan(options);
        if (plan is null)
        {
            return ValidateOptionsResult.Fail(errors);
        }

        if (plan.CertificatePath is { } path)
        {
            var full = ConnectorCredentialFactory.Resolve(path, environment.ContentRootPath);
            if (!File.Exists(full))
            {
                return ValidateOptionsResult.Fail($"MicrosoftAppCertificatePath '{path}' tidak ditemukan.");
            }

            try
            {
                using var certificate = ConnectorCredentialFactory.LoadCertificate(full, options.MicrosoftAppCertificatePassword);
            }
            catch (CryptographicException e)
            {
                return ValidateOptionsResult.Fail($"MicrosoftAppCertificatePath '{path}' tidak dapat dibaca (periksa MicrosoftAppCertificatePassword): {e.Message}");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
