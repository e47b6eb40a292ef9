using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kinerja.Cards;

/// <summary>
/// Data of the dialog verbs: <c>{ "verb": "simpanDialog", "seri": "dki|…|…", "id": "dlg-…", "sidik": "…" }</c> — which
/// dialog (its series, for a recorded or being-recorded dialog its id, and for a save the agenda fingerprint), never who acts. The record card's inputs are merged
/// into the data by the client and kept raw in <see cref="Masukan"/> (the server validates them).
/// </summary>
public sealed record DialogData(string Verb, string Seri, string? Id = null) : ICardData
{
    /// <summary>
    /// The fingerprint of the agenda the record card showed (<c>AgendaDialog.Sidik</c>); the server compares it with
    /// the agenda it rebuilds on save. Null on the other verbs.
    /// </summary>
    public string? Sidik { get; init; }

    public const string InputTanggal = "tanggal";
    public const string InputJam = "jam";
    public const string InputPeserta = "peserta";
    public const string InputNotulaUmum = "notulaUmum";
    public const string InputTanggalTunda = "tanggalTunda";

    /// <summary>The prefix of the minutes inputs.</summary>
    public const string AwalanNotula = "n-";

    /// <summary>Minutes of the agenda item with key <paramref name="kunciItem"/> (<c>ItemAgenda.Kunci</c>): keyed by what the item is about, not its position.</summary>
    public static string InputNotula(string kunciItem) => AwalanNotula + kunciItem;

    /// <summary>Follow-up row <paramref name="baris"/> (0-based): <c>u</c> description, <c>p</c> PIC, <c>t</c> due date.</summary>
    public static string InputTindakLanjut(int baris, char bagian) => "tl" + baris.ToString(System.Globalization.CultureInfo.InvariantCulture) + bagian;

    /// <summary>At most this many inputs are read, each at most <see cref="PanjangMaksimal"/> characters.</summary>
    public const int MasukanMaksimal = 120;
    public const int PanjangMaksimal = 4000;

    /// <summary>The card's inputs as sent (raw text), keyed by input id; empty when none.</summary>
    public IReadOnlyDictionary<string, string> Masukan { get; init; } = new Dictionary<string, string>();

    /// <summary>The raw input <paramref name="id"/>, or null when absent.</summary>
    public string? Baca(string id) => Masukan.TryGetValue(id, out var v) ? v : null;

    public bool Equals(DialogData? other) =>
        other is not null && Verb == other.Verb && Seri == other.Seri && Id == other.Id && Sidik == other.Sidik
        && Masukan.Count == other.Masukan.Count && Masukan.All(m => other.Masukan.TryGetValue(m.Key, out var v) && v == m.Value);

    public override int GetHashCode() => HashCode.Combine(Verb, Seri, Id, Masukan.Count);

    public JsonObject ToData()
    {
        var o = new JsonObject { [CardVerbs.VerbProperty] = Verb, ["seri"] = Seri };
        if (Id is not null)
        {
            o["id"] = Id;
        }

        if (Sidik is not null)
        {
            o["sidik"] = Sidik;
        }

        return o;
    }

    public static bool TryParse(JsonElement data, string verb, [NotNullWhen(true)] out DialogData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("seri", out var s) || s.ValueKind != JsonValueKind.String || s.GetString() is not { Length: > 0 and <= 200 } seri)
        {
            return false;
        }

        string? id = null;
        if (data.TryGetProperty("id", out var i))
        {
            if (i.ValueKind != JsonValueKind.String || i.GetString() is not { Length: > 0 and <= 100 } teks || !teks.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }

            id = teks;
        }

        string? sidik = null;
        if (data.TryGetProperty("sidik", out var f))
        {
            if (f.ValueKind != JsonValueKind.String || f.GetString() is not { Length: > 0 and <= 64 } teks || !teks.All(char.IsAsciiHexDigitLower))
            {
                return false;
            }

            sidik = teks;
        }

        var masukan = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in data.EnumerateObject())
        {
            if (p.Name is "verb" or "seri" or "id" or "sidik" or "msteams" || p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                continue;
            }

            if (masukan.Count >= MasukanMaksimal)
            {
                return false;
            }

            var v = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText();
            masukan[p.Name] = v.Length > PanjangMaksimal ? v[..PanjangMaksimal] : v;
        }

        hasil = new DialogData(verb, seri, id) { Masukan = masukan, Sidik = sidik };
        return true;
    }
}

/// <summary>
/// Data of <see cref="CardVerbs.SelesaiTindakLanjut"/> and <see cref="CardVerbs.BatalkanTindakLanjut"/>:
/// <c>{ "verb": "selesaiTindakLanjut", "id": "dlg-…-1", "versi": 1 }</c>; the note (or the reason of a cancellation) is
/// the input <see cref="InputCatatan"/>(id) merged by the client.
/// </summary>
public sealed record TindakLanjutData(string Id, int Versi) : ICardData
{
    /// <summary>Longer notes are cut here; the domain refuses anything over its own limit with a message.</summary>
    public const int CatatanMaksimal = 4000;

    /// <summary>The id of the note input of follow-up <paramref name="id"/> (unique per card).</summary>
    public static string InputCatatan(string id) => "c|" + id;

    public string Verb { get; init; } = CardVerbs.SelesaiTindakLanjut;

    /// <summary>The note typed; null when empty.</summary>
    public string? Catatan { get; init; }

    public JsonObject ToData() => new() { [CardVerbs.VerbProperty] = Verb, ["id"] = Id, ["versi"] = Versi };

    public static bool TryParse(JsonElement data, string verb, [NotNullWhen(true)] out TindakLanjutData? hasil)
    {
        hasil = null;
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("id", out var i) || i.ValueKind != JsonValueKind.String || i.GetString() is not { Length: > 0 and <= 100 } id
            || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            || !CardVerbs.TryGetInt(data, "versi", out var versi) || versi is < 1 or > 100000)
        {
            return false;
        }

        string? catatan = null;
        if (data.TryGetProperty(InputCatatan(id), out var c) && c.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(c.GetString()))
        {
            catatan = c.GetString()!.Trim();
            if (catatan.Length > CatatanMaksimal)
            {
                catatan = catatan[..CatatanMaksimal];
            }
        }

        hasil = new TindakLanjutData(id, versi) { Catatan = catatan, Verb = verb };
        return true;
    }
}
