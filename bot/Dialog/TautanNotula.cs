using Kinerja.Domain.Organisasi;
using KinerjaBot.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Dialog;

/// <summary>The parts of a verified download link: which office's dialog, for whom it was made.</summary>
public sealed record PermintaanNotula(string KodeKantor, string IdDialog, Nip Untuk);

/// <summary>
/// Short-lived signed links to a dialog's minutes (<c>GET /dialog/notula?k=…&amp;d=…&amp;n=…&amp;e=…&amp;s=…</c>,
/// <see cref="TautanBertanda"/>): the office, the dialog, the person the link was made for (whose access was checked)
/// and the expiry are signed, so a changed parameter or an expired link is refused. The person's access is checked
/// again when the link is used.
/// </summary>
public sealed class TautanNotula(TautanBertanda tautan, IOptions<DialogOptions> options, TimeProvider time)
{
    public const string Jalur = "/dialog/notula";

    private const string Tujuan = "notula";

    /// <summary>The link for <paramref name="untuk"/>, or null when no public address is configured.</summary>
    public Uri? Buat(string kodeKantor, string idDialog, Nip untuk) =>
        tautan.Buat(Tujuan, Jalur, [new("k", kodeKantor), new("d", idDialog), new("n", untuk.Value)],
            time.GetUtcNow().Add(options.Value.MasaBerlakuTautan));

    /// <summary>Checks a link's parameters: null with the reason when tampered, malformed or expired.</summary>
    public PermintaanNotula? Periksa(string? k, string? d, string? n, string? e, string? s, out string? alasan)
    {
        alasan = null;
        if (string.IsNullOrEmpty(k) || string.IsNullOrEmpty(d) || !Nip.TryParse(n, out var nip, out _))
        {
            alasan = "Tautan tidak lengkap.";
            return null;
        }

        alasan = tautan.Periksa(Tujuan, [k, d, n], e, s) switch
        {
            HasilTautan.Sah => null,
            HasilTautan.Kedaluwarsa => "Tautan sudah kedaluwarsa. Buka lagi notula dialog di KinerjaBot untuk mendapat tautan baru.",
            HasilTautan.TidakSah => "Tautan tidak sah.",
            _ => "Tautan tidak lengkap.",
        };
        return alasan is null ? new PermintaanNotula(k, d, nip) : null;
    }
}
