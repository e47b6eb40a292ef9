using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Dialog;

/// <summary>
/// Section <c>Kinerja:Dialog</c>: the short-lived signed links that serve a dialog's minutes as DOCX. Who may read
/// every dialog (the office's coordinators) is <c>Kinerja:Koordinator:Kantor</c> (<c>IKoordinatorKantor</c>).
/// </summary>
public sealed class DialogOptions
{
    public const string Section = "Kinerja:Dialog";

    /// <summary>
    /// The bot's public base address (<c>https://bot.example.go.id</c>) for the download links of the minutes. Without
    /// it the minutes card shows no download button (the <c>notula</c> CLI verb still exports).
    /// </summary>
    public Uri? UrlPublik { get; set; }

    /// <summary>How long a download link stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Kinerja:Dialog:MasaBerlakuTautan must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan MasaBerlakuTautan { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The HMAC key of the links (at least 32 characters). Without it each process makes a random one: links then
    /// work only on the instance that made them, which is fine for one instance and wrong behind a load balancer.
    /// </summary>
    [MinLength(32, ErrorMessage = "Kinerja:Dialog:KunciTautan must be at least 32 characters.")]
    public string? KunciTautan { get; set; }
}

/// <summary>What data annotations cannot check: the public address is absolute http(s).</summary>
public sealed class DialogOptionsValidator : IValidateOptions<DialogOptions>
{
    public ValidateOptionsResult Validate(string? name, DialogOptions options)
    {
        var errors = new List<string>();
        if (options.UrlPublik is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
        {
            errors.Add($"Kinerja:Dialog:UrlPublik '{url}' must be an absolute http(s) address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
