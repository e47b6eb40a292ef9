using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kinerja.Domain.Kinerja;
using KinerjaBot.Protocol;

namespace KinerjaBot.Handlers;

/// <summary>What the user asked for.</summary>
public abstract record Perintah;

/// <summary><c>nilai saya [tahun] [TWn]</c>; null parts mean "the default".</summary>
public sealed record NilaiSayaPerintah(int? Tahun, int? Triwulan) : Perintah;

/// <summary>
/// <c>nilai tim [tahun] [TWn]</c> (leaders): the team's scores; <c>nilai tim kantor …</c> (coordinators): the whole
/// office. Null parts mean "the default".
/// </summary>
public sealed record NilaiTimPerintah(int? Tahun, int? Triwulan, bool Kantor = false) : Perintah;

public sealed record BantuanPerintah : Perintah;

/// <summary><c>skp [tahun]</c>: the person's own SKP; null year means the default (see <c>SkpHandler</c>).</summary>
public sealed record SkpPerintah(int? Tahun) : Perintah;

/// <summary><c>persetujuan</c>: the SKP waiting for this person's decision.</summary>
public sealed record PersetujuanPerintah : Perintah;

/// <summary><c>dialog</c>: the person's performance dialogs (for a leader: the due ones with their agenda).</summary>
public sealed record DialogPerintah : Perintah;

/// <summary><c>tindak lanjut</c>: the person's open follow-ups of dialogs.</summary>
public sealed record TindakLanjutPerintah : Perintah;

/// <summary><c>status pengiriman</c>: a coordinator asks how the scheduled messages of their office stand.</summary>
public sealed record StatusPengirimanPerintah : Perintah;

/// <summary><c>dasbor jadwal</c>: a coordinator or administrator asks for a link to the Hangfire dashboard.</summary>
public sealed record DasborJadwalPerintah : Perintah;

/// <summary>Text the bot does not understand, with the nearest command when one is close.</summary>
public sealed record TidakDikenalPerintah(string Teks, string? MungkinMaksud) : Perintah;

/// <summary>A known command with a bad argument; <see cref="Pesan"/> says what is wrong, in Bahasa Indonesia.</summary>
public sealed record SalahFormatPerintah(string Pesan) : Perintah;

/// <summary>
/// Turns a message's text into a <see cref="Perintah"/>: the bot's own @mention removed (§3 of the protocol
/// notes), HTML entities decoded, spacing and case ignored.
/// </summary>
public static partial class PerintahParser
{
    /// <summary>The commands of this slice, as the help card and "did you mean" name them.</summary>
    public static IReadOnlyList<string> Dikenal { get; } = ["nilai saya", "nilai tim", "skp", "persetujuan", "dialog", "tindak lanjut", "dasbor jadwal", "bantuan"];

    public static Perintah Parse(string? teks)
    {
        var normal = Normalisasi(teks);
        if (normal == "?")
        {
            return new BantuanPerintah();
        }

        // Trailing punctuation is how people type ("nilai saya?", "nilai saya TW2."), not part of a command.
        var kata = normal.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => k.Trim('.', ',', '!', '?', ';', ':', '"', '\''))
            .Where(k => k.Length > 0)
            .ToArray();
        if (kata.Length == 0)
        {
            return new BantuanPerintah();
        }

        var utuh = string.Join(' ', kata);
        if (kata is ["bantuan"] or ["help"] or ["menu"] or ["tolong"])
        {
            return new BantuanPerintah();
        }

        if (kata[0] == "skp")
        {
            return kata.Length switch
            {
                1 => new SkpPerintah(null),
                2 when kata[1].Length == 4 && int.TryParse(kata[1], NumberStyles.None, CultureInfo.InvariantCulture, out var th) && th is >= 2000 and <= 2100
                    => new SkpPerintah(th),
                _ => new SalahFormatPerintah("Saya tidak mengerti perintah itu. Contoh: `skp` atau `skp 2027`."),
            };
        }

        if (kata is ["persetujuan"] or ["persetujuan", "skp"])
        {
            return new PersetujuanPerintah();
        }

        if (kata is ["dialog"] or ["dialog", "kinerja"] or ["dialog", "saya"])
        {
            return new DialogPerintah();
        }

        if (kata is ["tindak", "lanjut"] or ["tindaklanjut"] or ["tindak", "lanjut", "saya"] or ["tl"])
        {
            return new TindakLanjutPerintah();
        }

        if (kata is ["status", "pengiriman"] or ["status", "kirim"])
        {
            return new StatusPengirimanPerintah();
        }

        if (kata is ["dasbor"] or ["dasbor", "jadwal"] or ["dashboard"] or ["dasbor", "hangfire"])
        {
            return new DasborJadwalPerintah();
        }

        if (kata.Length >= 2 && kata[0] == "nilai" && kata[1] == "saya")
        {
            return NilaiSaya(kata[2..]);
        }

        if (kata.Length >= 2 && kata[0] == "nilai" && kata[1] == "tim")
        {
            var kantor = kata.Length >= 3 && kata[2] == "kantor";
            return NilaiSaya(kata[(kantor ? 3 : 2)..], kantor ? "nilai tim kantor" : "nilai tim") switch
            {
                NilaiSayaPerintah n => new NilaiTimPerintah(n.Tahun, n.Triwulan, kantor),
                var salah => salah,
            };
        }

        return new TidakDikenalPerintah(utuh, MungkinMaksud(kata));
    }

    private static Perintah NilaiSaya(string[] argumen, string perintah = "nilai saya")
    {
        int? tahun = null, triwulan = null;
        // "TW 2" is two words: join a lone "tw" with the number after it.
        var gabung = string.Join(' ', argumen);
        gabung = TwSpasi().Replace(gabung, "tw$1");
        foreach (var a in gabung.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (a.Length == 4 && int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                if (tahun is not null || t is < 2000 or > 2100)
                {
                    return new SalahFormatPerintah($"Tahun '{a}' tidak dapat dipakai. Contoh: `{perintah} 2026 TW1`.");
                }

                tahun = t;
            }
            else if (Periode.TryParseTriwulan(a, out var tw))
            {
                if (triwulan is not null)
                {
                    return new SalahFormatPerintah($"Sebutkan satu triwulan saja. Contoh: `{perintah} TW2`.");
                }

                triwulan = tw;
            }
            else if (a.StartsWith("tw", StringComparison.Ordinal))
            {
                return new SalahFormatPerintah($"Triwulan '{a.ToUpperInvariant()}' tidak ada: pilih TW1, TW2, TW3 atau TW4, misalnya `{perintah} TW3`.");
            }
            else
            {
                return new SalahFormatPerintah($"Saya tidak mengerti '{a}'. Contoh: `{perintah}`, `{perintah} TW2`, `{perintah} 2026 TW1`.");
            }
        }

        return new NilaiSayaPerintah(tahun, triwulan);
    }

    /// <summary>The nearest known command within a small edit distance, or null.</summary>
    private static string? MungkinMaksud(string[] kata)
    {
        string? terbaik = null;
        var jarakTerbaik = int.MaxValue;
        foreach (var perintah in Dikenal)
        {
            var jumlahKata = perintah.Split(' ').Length;
            var awal = string.Join(' ', kata.Take(jumlahKata));
            var jarak = Jarak(awal, perintah);
            var batas = Math.Max(1, perintah.Length / 3);
            if (jarak <= batas && jarak < jarakTerbaik)
            {
                (terbaik, jarakTerbaik) = (perintah, jarak);
            }
        }

        // "nilai" alone, "nilaiku", "skor saya": the score is what people look for.
        if (terbaik is null && kata.Any(k => k.StartsWith("nilai", StringComparison.Ordinal) || k is "skor" or "score" or "nkp" or "ckp"))
        {
            terbaik = "nilai saya";
        }

        return terbaik;
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).</summary>
    internal static int Jarak(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Text of a message with the bot's mentions removed, HTML decoded, whitespace collapsed, lower case.</summary>
    public static string Teks(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity["type"]?.GetValue<string>() != "mention")
            {
                continue;
            }

            var mentionedId = (entity["mentioned"] as JsonObject)?["id"]?.GetValue<string>();
            if (mentionedId is not null && activity.Recipient?.Id is { } botId && mentionedId != botId)
            {
                continue;
            }

            var mentionText = entity["text"]?.GetValue<string>();
            if (!string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return Normalisasi(text);
    }

    public static string Normalisasi(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var t = AtTag().Replace(text, " ");
        t = WebUtility.HtmlDecode(HtmlTag().Replace(t, " "));
        t = t.Replace('\u00A0', ' ');
        return Spasi().Replace(t, " ").Trim().ToLowerInvariant();
    }

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spasi();

    [GeneratedRegex(@"\btw\s+(\d|i{1,3}|iv)\b")]
    private static partial Regex TwSpasi();
}
