using Kinerja.Domain.Kinerja;

namespace Kinerja.Domain.Organisasi;

/// <summary>
/// Who an office's coordinators are (domain.md §7: the Manajer Kinerja Organisasi/Pegawai; at a KPPN the
/// <i>Subbagian Umum</i> runs the process). One notion for everything that asks: the weekly digest, <c>status
/// pengiriman</c>, the Hangfire dashboard, <c>nilai tim kantor</c>, who may read every dialog.
/// </summary>
public interface IKoordinatorKantor
{
    /// <summary>The office's coordinators, in the office's order.</summary>
    IReadOnlyList<Pegawai> Untuk(DataKantor data);

    /// <summary>Whether <paramref name="nip"/> is one of the office's coordinators.</summary>
    bool Adalah(DataKantor data, Nip nip);
}

/// <summary>
/// The coordinators of an office: the entries configured for its code (each a NIP or an e-mail of someone in the
/// office), else — no entry for the office, or none of its entries is anyone in the office any more — the heads of its
/// units named <i>Subbagian Umum</i> or <i>Bagian Umum</i>.
/// </summary>
public sealed class KoordinatorKantor : IKoordinatorKantor
{
    private readonly Dictionary<string, string[]> _daftar;

    /// <param name="daftar">Per office code (case-insensitive): NIPs or e-mails.</param>
    public KoordinatorKantor(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> daftar)
    {
        ArgumentNullException.ThrowIfNull(daftar);
        _daftar = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (kantor, isi) in daftar)
        {
            _daftar[kantor.Trim()] = [.. isi.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim())];
        }
    }

    /// <summary>Whether <paramref name="entri"/> can name a coordinator: an 18-digit NIP or an e-mail address.</summary>
    public static bool EntriSah(string? entri) =>
        entri is { } e && (Nip.TryParse(e.Trim(), out _, out _) || IsEmail(e.Trim()));

    public IReadOnlyList<Pegawai> Untuk(DataKantor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_daftar.TryGetValue(data.KodeKantor, out var isi) && isi.Length > 0)
        {
            var nip = new HashSet<Nip>();
            var email = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in isi)
            {
                if (Nip.TryParse(e, out var n, out _))
                {
                    nip.Add(n);
                }
                else
                {
                    email.Add(e);
                }
            }

            var terdaftar = data.Pegawai.Where(p => nip.Contains(p.Nip) || (p.Email.Length > 0 && email.Contains(p.Email.Trim()))).ToList();
            if (terdaftar.Count > 0)
            {
                return terdaftar;
            }
        }

        return KepalaUmum(data);
    }

    public bool Adalah(DataKantor data, Nip nip) => Untuk(data).Any(p => p.Nip == nip);

    /// <summary>The heads of the office's general-affairs units (<i>Subbagian Umum</i>, <i>Bagian Umum</i>), in the office's order.</summary>
    public static IReadOnlyList<Pegawai> KepalaUmum(DataKantor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kepala = data.Unit
            .Where(u => u.Nama.StartsWith("Subbagian Umum", StringComparison.OrdinalIgnoreCase) || u.Nama.StartsWith("Bagian Umum", StringComparison.OrdinalIgnoreCase))
            .Select(u => data.KepalaUnit(u.Kode))
            .OfType<Pegawai>()
            .Select(p => p.Nip)
            .ToHashSet();
        return [.. data.Pegawai.Where(p => kepala.Contains(p.Nip))];
    }

    private static bool IsEmail(string s)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 1 && s.IndexOf('.', at) > at + 1 && !s.Any(char.IsWhiteSpace) && !s.EndsWith('.');
    }
}
