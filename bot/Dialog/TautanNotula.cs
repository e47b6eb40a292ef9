using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kinerja.Domain.Organisasi;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Dialog;

/// <summary>The parts of a verified download link: which office's dialog, for whom it was made.</summary>
public sealed record PermintaanNotula(string KodeKantor, string IdDialog, Nip Untuk);

/// <summary>
/// Short-lived HMAC-SHA256 signed links to a dialog's minutes (<c>GET /dialog/notula?k=…&amp;d=…&amp;n=…&amp;e=…&amp;s=…</c>):
/// the office, the dialog, the person the link was made for (whose access was checked) and the expiry are signed, so a
/// changed parameter or an expired link is refused. The person's access is checked again when the link is used.
/// </summary>
public sealed class TautanNotula
{
    public const string Jalur = "/dialog/notula";

    private readonly byte[] _kunci;
    private readonly DialogOptions _options;
    private readonly TimeProvider _time;

    public TautanNotula(IOptions<DialogOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _kunci = _options.KunciTautan is { Length: > 0 } k ? Encoding.UTF8.GetBytes(k) : RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The link for <paramref name="untuk"/>, or null when no public address is configured.</summary>
    public Uri? Buat(string kodeKantor, string idDialog, Nip untuk)
    {
        if (_options.UrlPublik is not { } basis)
        {
            return null;
        }

        var exp = _time.GetUtcNow().Add(_options.MasaBerlakuTautan).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var tanda = Tanda(kodeKantor, idDialog, untuk.Value, exp);
        var query = $"k={Uri.EscapeDataString(kodeKantor)}&d={Uri.EscapeDataString(idDialog)}&n={untuk.Value}&e={exp}&s={tanda}";
        return new Uri(basis, $"{Jalur}?{query}");
    }

    /// <summary>Checks a link's parameters: null with the reason when tampered, malformed or expired.</summary>
    public PermintaanNotula? Periksa(string? k, string? d, string? n, string? e, string? s, out string? alasan)
    {
        alasan = null;
        if (string.IsNullOrEmpty(k) || string.IsNullOrEmpty(d) || string.IsNullOrEmpty(e) || string.IsNullOrEmpty(s) || !Nip.TryParse(n, out var nip, out _)
            || !long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
        {
            alasan = "Tautan tidak lengkap.";
            return null;
        }

        var harus = Tanda(k, d, nip.Value, e);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(harus), Encoding.ASCII.GetBytes(s)))
        {
            alasan = "Tautan tidak sah.";
            return null;
        }

        if (_time.GetUtcNow().ToUnixTimeSeconds() > exp)
        {
            alasan = "Tautan sudah kedaluwarsa. Buka lagi notula dialog di KinerjaBot untuk mendapat tautan baru.";
            return null;
        }

        return new PermintaanNotula(k, d, nip);
    }

    private string Tanda(string kodeKantor, string idDialog, string nip, string exp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_kunci, Encoding.UTF8.GetBytes($"{kodeKantor}\n{idDialog}\n{nip}\n{exp}")));
}
