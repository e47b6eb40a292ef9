using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KinerjaBot.Dialog;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>What checking a signed link found.</summary>
public enum HasilTautan
{
    Sah,
    TidakLengkap,
    TidakSah,
    Kedaluwarsa,
}

/// <summary>
/// The bot's short-lived HMAC-SHA256 signed links (the dialog minutes' DOCX, the sign-in to the Hangfire dashboard): the
/// link's purpose, its parameters in order and its expiry (<c>e</c>, Unix seconds) are signed (<c>s</c>), so a changed
/// parameter, a link of one purpose used for another, or an expired link is refused. One key and one public address for
/// all of them: <c>Kinerja:Dialog:KunciTautan</c> and <c>Kinerja:Dialog:UrlPublik</c> (<see cref="DialogOptions"/>).
/// Who the link is for is checked again by its caller when the link is used.
/// </summary>
public sealed class TautanBertanda
{
    private readonly byte[] _kunci;
    private readonly DialogOptions _options;
    private readonly TimeProvider _time;

    public TautanBertanda(IOptions<DialogOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        // Without a configured key each process makes its own: its links work only on the instance that made them.
        _kunci = _options.KunciTautan is { Length: > 0 } k ? Encoding.UTF8.GetBytes(k) : RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>The bot's public base address, or null when none is configured (then no link can be made).</summary>
    public Uri? UrlPublik => _options.UrlPublik;

    /// <summary>
    /// The link to <paramref name="jalur"/> with <paramref name="parameter"/> (in this order) and its expiry, signed for
    /// <paramref name="tujuan"/>; null when no public address is configured.
    /// </summary>
    public Uri? Buat(string tujuan, string jalur, IReadOnlyList<KeyValuePair<string, string>> parameter, DateTimeOffset berlakuSampai)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (_options.UrlPublik is not { } basis)
        {
            return null;
        }

        var exp = berlakuSampai.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var tanda = Tanda(tujuan, parameter.Select(p => p.Value), exp);
        var query = string.Concat(parameter.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}&")) + $"e={exp}&s={tanda}";
        return new Uri(basis, $"{jalur}?{query}");
    }

    /// <summary>
    /// Checks a link of <paramref name="tujuan"/>: its parameter values as received (in the order they were signed), its
    /// expiry <paramref name="e"/> and signature <paramref name="s"/>. A missing value is <see cref="HasilTautan.TidakLengkap"/>;
    /// whether a present value is well-formed is the caller's to check.
    /// </summary>
    public HasilTautan Periksa(string tujuan, IReadOnlyList<string?> nilai, string? e, string? s)
    {
        ArgumentNullException.ThrowIfNull(nilai);
        if (nilai.Any(n => n is null) || string.IsNullOrEmpty(s)
            || !long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
        {
            return HasilTautan.TidakLengkap;
        }

        var harus = Tanda(tujuan, nilai!, e!);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(harus), Encoding.ASCII.GetBytes(s)))
        {
            return HasilTautan.TidakSah;
        }

        return _time.GetUtcNow().ToUnixTimeSeconds() > exp ? HasilTautan.Kedaluwarsa : HasilTautan.Sah;
    }

    /// <summary>
    /// HMAC over the purpose, each value escaped (so no value can fake the separator) and the expiry: a link signed for
    /// one purpose never verifies for another.
    /// </summary>
    private string Tanda(string tujuan, IEnumerable<string> nilai, string exp) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_kunci, Encoding.UTF8.GetBytes(
            string.Join('\n', [tujuan, .. nilai.Select(Uri.EscapeDataString), exp]))));
}
