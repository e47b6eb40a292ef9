using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kinerja.Cards;

/// <summary>
/// The data a card button sends back, declared once for the renderer (which builds it) and the handler (which parses
/// it). The data object always carries <c>verb</c>, so an Action.Submit fallback (a message activity whose
/// <c>value</c> is the data) says what it is just like the Action.Execute invoke does.
/// </summary>
public interface ICardData
{
    string Verb { get; }

    /// <summary>A new data object: <c>{ "verb": …, … }</c>.</summary>
    JsonObject ToData();
}

/// <summary>The verbs of KinerjaBot's cards and the parser of their data.</summary>
public static class CardVerbs
{
    /// <summary>Show the employee's scores for a quarter: <see cref="NilaiSayaData"/>.</summary>
    public const string NilaiSaya = "nilaiSaya";

    /// <summary>Run a text command as if typed: <see cref="PerintahData"/>.</summary>
    public const string Perintah = "perintah";

    /// <summary>Show (or refresh) an SKP card for the clicker: <see cref="SkpData"/>.</summary>
    public const string LihatSkp = "lihatSkp";

    /// <summary>The owner submits the SKP (input <see cref="SkpData.InputKesanggupan"/>): <see cref="SkpData"/>.</summary>
    public const string AjukanSkp = "ajukanSkp";

    /// <summary>The approver approves the version shown: <see cref="SkpData"/>.</summary>
    public const string SetujuiSkp = "setujuiSkp";

    /// <summary>The approver returns the version shown with a note (input <see cref="SkpData.InputCatatan"/>): <see cref="SkpData"/>.</summary>
    public const string KembalikanSkp = "kembalikanSkp";

    /// <summary>The owner opens the edit card of the targets (a revision before submitting, or an adendum): <see cref="SkpData"/>.</summary>
    public const string UbahTargetSkp = "ubahTargetSkp";

    /// <summary>The owner proposes an adendum of an approved SKP (target inputs, <see cref="SkpData.InputAlasan"/>, kesanggupan): <see cref="SkpData"/>.</summary>
    public const string AjukanAdendumSkp = "ajukanAdendumSkp";

    /// <summary>The leader opens the record card of a due dialog (agenda, minutes, follow-ups, Tunda): <see cref="DialogData"/>.</summary>
    public const string BukaDialog = "bukaDialog";

    /// <summary>The leader records the outcome of a dialog (the record card's inputs): <see cref="DialogData"/>.</summary>
    public const string SimpanDialog = "simpanDialog";

    /// <summary>The leader postpones a dialog to a new date (input <see cref="DialogData.InputTanggalTunda"/>): <see cref="DialogData"/>.</summary>
    public const string TundaDialog = "tundaDialog";

    /// <summary>Show a recorded dialog (agenda, minutes, follow-ups, participants): <see cref="DialogData"/>.</summary>
    public const string LihatDialog = "lihatDialog";

    /// <summary>The PIC (or the leader) marks a follow-up done with a short note: <see cref="TindakLanjutData"/>.</summary>
    public const string SelesaiTindakLanjut = "selesaiTindakLanjut";

    /// <summary>The dialog's leader cancels a follow-up with a reason (the same note input): <see cref="TindakLanjutData"/>.</summary>
    public const string BatalkanTindakLanjut = "batalkanTindakLanjut";

    /// <summary>The recipient of a scheduled message snoozes it to the next working day: <see cref="IngatkanBesokData"/>.</summary>
    public const string IngatkanBesok = "ingatkanBesok";

    public const string VerbProperty = "verb";

    public static IReadOnlyList<string> Semua { get; } =
        [NilaiSaya, Perintah, LihatSkp, AjukanSkp, SetujuiSkp, KembalikanSkp, UbahTargetSkp, AjukanAdendumSkp, BukaDialog, SimpanDialog, TundaDialog, LihatDialog, SelesaiTindakLanjut, BatalkanTindakLanjut, IngatkanBesok];

    /// <summary>
    /// Parses the data of an Action.Execute invoke (<c>value.action.data</c>, with <c>value.action.verb</c> as
    /// <paramref name="verb"/>) or of an Action.Submit message (<c>value</c>, <paramref name="verb"/> null: the data's
    /// own <c>verb</c> is used). False for an unknown verb or bad data; never throws on user input.
    /// </summary>
    public static bool TryParse(JsonElement data, string? verb, [NotNullWhen(true)] out ICardData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var v = string.IsNullOrEmpty(verb) && data.TryGetProperty(VerbProperty, out var dv) && dv.ValueKind == JsonValueKind.String
            ? dv.GetString()
            : verb;
        switch (v)
        {
            case NilaiSaya when NilaiSayaData.TryParse(data, out var n):
                hasil = n;
                return true;
            case Perintah when PerintahData.TryParse(data, out var p):
                hasil = p;
                return true;
            case IngatkanBesok when IngatkanBesokData.TryParse(data, out var i):
                hasil = i;
                return true;
            case LihatSkp or AjukanSkp or SetujuiSkp or KembalikanSkp or UbahTargetSkp or AjukanAdendumSkp when SkpData.TryParse(data, v!, out var s):
                hasil = s;
                return true;
            case BukaDialog or SimpanDialog or TundaDialog or LihatDialog when DialogData.TryParse(data, v!, out var d):
                hasil = d;
                return true;
            case SelesaiTindakLanjut or BatalkanTindakLanjut when TindakLanjutData.TryParse(data, v!, out var t):
                hasil = t;
                return true;
            default:
                return false;
        }
    }

    /// <summary><see cref="TryParse(JsonElement, string?, out ICardData?)"/> for an Action.Submit value.</summary>
    public static bool TryParse(JsonElement data, [NotNullWhen(true)] out ICardData? hasil) => TryParse(data, null, out hasil);

    internal static bool TryGetInt(JsonElement data, string name, out int value)
    {
        value = 0;
        if (!data.TryGetProperty(name, out var p))
        {
            return false;
        }

        return p.ValueKind switch
        {
            JsonValueKind.Number => p.TryGetInt32(out value),
            // Some clients turn numbers of a submit into strings; accept "2026" too.
            JsonValueKind.String => int.TryParse(p.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }
}

/// <summary>Data of <see cref="CardVerbs.NilaiSaya"/>: <c>{ "verb": "nilaiSaya", "tahun": 2026, "triwulan": 2 }</c>.</summary>
public sealed record NilaiSayaData(int Tahun, int Triwulan) : ICardData
{
    public string Verb => CardVerbs.NilaiSaya;

    public JsonObject ToData() => new()
    {
        [CardVerbs.VerbProperty] = Verb,
        ["tahun"] = Tahun,
        ["triwulan"] = Triwulan,
    };

    /// <summary>Reads <c>tahun</c> (2000–2100) and <c>triwulan</c> (1–4); the verb is not checked here.</summary>
    public static bool TryParse(JsonElement data, [NotNullWhen(true)] out NilaiSayaData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object
            || !CardVerbs.TryGetInt(data, "tahun", out var tahun) || tahun is < 2000 or > 2100
            || !CardVerbs.TryGetInt(data, "triwulan", out var triwulan) || triwulan is < 1 or > 4)
        {
            return false;
        }

        hasil = new NilaiSayaData(tahun, triwulan);
        return true;
    }
}

/// <summary>
/// Data of <see cref="CardVerbs.Perintah"/>: <c>{ "verb": "perintah", "teks": "nilai saya", "msteams": { "type":
/// "imBack", "value": "nilai saya" } }</c>. In Teams the <c>imBack</c> makes the click post the text as the user's
/// message (the handler sees plain text); a client without imBack posts the data, which parses to this record.
/// </summary>
public sealed record PerintahData(string Teks) : ICardData
{
    public const int PanjangMaksimal = 200;

    public string Verb => CardVerbs.Perintah;

    public JsonObject ToData() => new()
    {
        [CardVerbs.VerbProperty] = Verb,
        ["teks"] = Teks,
        ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = Teks },
    };

    public static bool TryParse(JsonElement data, [NotNullWhen(true)] out PerintahData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("teks", out var t) || t.ValueKind != JsonValueKind.String
            || t.GetString() is not { } teks || string.IsNullOrWhiteSpace(teks) || teks.Length > PanjangMaksimal)
        {
            return false;
        }

        hasil = new PerintahData(teks.Trim());
        return true;
    }
}

/// <summary>
/// Data of the SKP verbs: <c>{ "verb": "setujuiSkp", "tahun": 2027, "nip": "1993…", "versi": 1 }</c> — which contract
/// and which version only, never who acts (the actor is the authenticated sender). The card's inputs are merged into
/// the data by the client: <see cref="Kesanggupan"/> (<c>kesanggupan</c>, the Input.Toggle of the pernyataan
/// kesanggupan) and <see cref="Catatan"/> (<c>catatan</c>, the note of a return). Any other property is ignored.
/// </summary>
public sealed record SkpData(string Verb, int Tahun, string Nip, int Versi) : ICardData
{
    public const string InputKesanggupan = "kesanggupan";
    public const string InputCatatan = "catatan";
    public const string InputAlasan = "alasan";
    public const int CatatanMaksimal = 1000;

    /// <summary>Prefix of the target inputs of the edit card (<c>t|KODE|TW</c>, <c>t|KODE|TW|atas</c>).</summary>
    public const string AwalanTarget = "t|";

    /// <summary>At most this many target inputs are read (10 IKU × 4 quarters × 2 bounds, with room).</summary>
    public const int TargetMaksimal = 200;

    /// <summary>True when the pernyataan kesanggupan toggle was on.</summary>
    public bool Kesanggupan { get; init; }

    /// <summary>The note typed for a return; null when empty.</summary>
    public string? Catatan { get; init; }

    /// <summary>The reason of an adendum, or the owner's note on a revision; null when empty.</summary>
    public string? Alasan { get; init; }

    /// <summary>
    /// The target inputs as typed (raw text, not parsed: the server checks them against the contract), keyed by input
    /// id; empty when the card had none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Target { get; init; } = new Dictionary<string, string>();

    /// <summary>Value equality, <see cref="Target"/> by content.</summary>
    public bool Equals(SkpData? other) =>
        other is not null && Verb == other.Verb && Tahun == other.Tahun && Nip == other.Nip && Versi == other.Versi
        && Kesanggupan == other.Kesanggupan && Catatan == other.Catatan && Alasan == other.Alasan
        && Target.Count == other.Target.Count && Target.All(t => other.Target.TryGetValue(t.Key, out var v) && v == t.Value);

    public override int GetHashCode() => HashCode.Combine(Verb, Tahun, Nip, Versi, Kesanggupan, Catatan, Alasan, Target.Count);

    public JsonObject ToData() => new()
    {
        [CardVerbs.VerbProperty] = Verb,
        ["tahun"] = Tahun,
        ["nip"] = Nip,
        ["versi"] = Versi,
    };

    public static bool TryParse(JsonElement data, string verb, [NotNullWhen(true)] out SkpData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object
            || !CardVerbs.TryGetInt(data, "tahun", out var tahun) || tahun is < 2000 or > 2100
            || !CardVerbs.TryGetInt(data, "versi", out var versi) || versi is < 1 or > 10000
            || !data.TryGetProperty("nip", out var n) || n.ValueKind != JsonValueKind.String
            || n.GetString() is not { Length: 18 } nip || !nip.All(char.IsAsciiDigit))
        {
            return false;
        }

        var kesanggupan = data.TryGetProperty(InputKesanggupan, out var k)
            && (k.ValueKind == JsonValueKind.True || (k.ValueKind == JsonValueKind.String && string.Equals(k.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
        string? catatan = null;
        if (data.TryGetProperty(InputCatatan, out var c) && c.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(c.GetString()))
        {
            catatan = c.GetString()!.Trim();
            if (catatan.Length > CatatanMaksimal)
            {
                catatan = catatan[..CatatanMaksimal];
            }
        }

        var target = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in data.EnumerateObject())
        {
            if (!p.Name.StartsWith(AwalanTarget, StringComparison.Ordinal))
            {
                continue;
            }

            if (target.Count >= TargetMaksimal)
            {
                return false;
            }

            target[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString() ?? "",
                JsonValueKind.Number => p.Value.GetRawText(),
                _ => "",
            };
        }

        hasil = new SkpData(verb, tahun, nip, versi) { Kesanggupan = kesanggupan, Catatan = catatan, Alasan = Teks(data, InputAlasan), Target = target };
        return true;
    }

    private static string? Teks(JsonElement data, string nama)
    {
        if (!data.TryGetProperty(nama, out var c) || c.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(c.GetString()))
        {
            return null;
        }

        var teks = c.GetString()!.Trim();
        return teks.Length > CatatanMaksimal ? teks[..CatatanMaksimal] : teks;
    }
}

/// <summary>
/// Data of <see cref="CardVerbs.IngatkanBesok"/>: <c>{ "verb": "ingatkanBesok", "jenis": "skp-pengingat", "kurun": "2027-H7",
/// "kantor": "KPPN-METRO", "nip": "1993…" }</c> — which delivery (its <see cref="Kinerja.Domain.Pengiriman.KunciPengiriman"/>),
/// never who acts: only the delivery's recipient, as the authenticated sender, may snooze it.
/// </summary>
public sealed record IngatkanBesokData(Kinerja.Domain.Pengiriman.KunciPengiriman Kunci) : ICardData
{
    public string Verb => CardVerbs.IngatkanBesok;

    public JsonObject ToData() => new()
    {
        [CardVerbs.VerbProperty] = Verb,
        ["jenis"] = Kunci.Jenis,
        ["kurun"] = Kunci.Kurun,
        ["kantor"] = Kunci.KodeKantor,
        ["nip"] = Kunci.Penerima.Value,
    };

    public static bool TryParse(JsonElement data, [NotNullWhen(true)] out IngatkanBesokData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object
            || Teks(data, "jenis") is not { } jenis || Teks(data, "kurun") is not { } kurun || Teks(data, "kantor") is not { } kantor
            || Teks(data, "nip") is not { } nipTeks || !Kinerja.Domain.Organisasi.Nip.TryParse(nipTeks, out var nip, out _))
        {
            return false;
        }

        try
        {
            hasil = new IngatkanBesokData(new Kinerja.Domain.Pengiriman.KunciPengiriman(jenis, kurun, kantor, nip));
            return true;
        }
        catch (Kinerja.Domain.DomainException)
        {
            return false;
        }
    }

    private static string? Teks(JsonElement data, string nama) =>
        data.TryGetProperty(nama, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 and <= 100 } t ? t : null;
}
