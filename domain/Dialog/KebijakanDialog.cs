using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Domain.Dialog;

/// <summary>
/// How often dialogs are due (domain.md §8), as policy data read from <c>Kebijakan/dialog.json</c>: a DKI every
/// <see cref="DkiSetiapBulan"/> month(s) and reported at least once every <see cref="DkiBatasKepatuhanBulan"/> months;
/// a DKO every <see cref="DkoSetiapBulan"/> months (a multiple of 3: whole quarters), due <see cref="DkoHariSesudahTriwulan"/> days after the quarter ends
/// (when the realisations are in). <see cref="TenggatTindakLanjutMaksimalHari"/> bounds a follow-up's due date.
/// </summary>
public sealed record KebijakanDialog
{
    public required int DkiSetiapBulan { get; init; }

    public required int DkiBatasKepatuhanBulan { get; init; }

    /// <summary>Months between two DKO: 3, 6, 9 or 12 (a DKO discusses a quarter's realisations).</summary>
    public required int DkoSetiapBulan { get; init; }

    /// <summary>Quarters between two DKO (<see cref="DkoSetiapBulan"/> / 3).</summary>
    public int DkoSetiapTriwulan => DkoSetiapBulan / 3;

    public required int DkoHariSesudahTriwulan { get; init; }

    public required int TenggatTindakLanjutMaksimalHari { get; init; }

    /// <summary>The policy shipped in this assembly (<c>Kebijakan/dialog.json</c>), with an optional override of the same shape merged on top.</summary>
    public static KebijakanDialog Bawaan(string? overrideJson = null)
    {
        using var stream = typeof(KebijakanDialog).Assembly.GetManifestResourceStream("Kinerja.Domain.Kebijakan.dialog.json")
            ?? throw new InvalidOperationException("Kebijakan dialog tidak tertanam di assembly");
        using var reader = new StreamReader(stream);
        return Baca(reader.ReadToEnd(), "dialog", overrideJson);
    }

    /// <summary>Reads the policy strictly: unknown keys, missing keys and out-of-range values are all reported at once.</summary>
    public static KebijakanDialog Baca(string json, string sumber, string? overrideJson = null)
    {
        JsonObject root;
        var opsi = new JsonDocumentOptions { AllowDuplicateProperties = false };
        try
        {
            root = JsonNode.Parse(json, documentOptions: opsi) as JsonObject ?? throw new KebijakanTidakValidException(sumber, ["isi berkas harus objek JSON"]);
            if (overrideJson is not null)
            {
                var tambahan = JsonNode.Parse(overrideJson, documentOptions: opsi) as JsonObject
                    ?? throw new KebijakanTidakValidException(sumber, ["override harus objek JSON"]);
                Gabung(root, tambahan);
            }
        }
        catch (JsonException e)
        {
            throw new KebijakanTidakValidException(sumber, [$"JSON tidak valid: {e.Message}"]);
        }

        var salah = new List<string>();
        Kunci(root, "", ["nama", "versi", "dki", "dko", "tindakLanjut"], salah);
        Kunci(root["dki"], "dki", ["setiapBulan", "batasKepatuhanBulan"], salah);
        Kunci(root["dko"], "dko", ["setiapBulan", "hariSesudahTriwulan"], salah);
        Kunci(root["tindakLanjut"], "tindakLanjut", ["tenggatMaksimalHari"], salah);
        var kebijakan = new KebijakanDialog
        {
            DkiSetiapBulan = Bulat(root, "dki.setiapBulan", 1, 12, salah),
            DkiBatasKepatuhanBulan = Bulat(root, "dki.batasKepatuhanBulan", 1, 12, salah),
            DkoSetiapBulan = Bulat(root, "dko.setiapBulan", 1, 12, salah),
            DkoHariSesudahTriwulan = Bulat(root, "dko.hariSesudahTriwulan", 0, 90, salah),
            TenggatTindakLanjutMaksimalHari = Bulat(root, "tindakLanjut.tenggatMaksimalHari", 1, 3660, salah),
        };
        if (salah.Count == 0 && kebijakan.DkiBatasKepatuhanBulan < kebijakan.DkiSetiapBulan)
        {
            salah.Add("dki.batasKepatuhanBulan: tidak boleh lebih pendek dari dki.setiapBulan");
        }

        if (kebijakan.DkoSetiapBulan % 3 != 0)
        {
            // A DKO discusses a quarter's realisations: it can only step whole quarters.
            salah.Add(string.Create(CultureInfo.InvariantCulture, $"dko.setiapBulan: harus kelipatan 3 (triwulan): 3, 6, 9 atau 12, bukan {kebijakan.DkoSetiapBulan}"));
        }

        return salah.Count > 0 ? throw new KebijakanTidakValidException(sumber, salah) : kebijakan;
    }

    private static void Kunci(JsonNode? node, string path, string[] dikenal, List<string> salah)
    {
        if (node is not JsonObject obj)
        {
            salah.Add($"{(path.Length == 0 ? "(akar)" : path)}: {(node is null ? "wajib ada" : "harus objek")}");
            return;
        }

        foreach (var (key, _) in obj)
        {
            if (!key.StartsWith('_') && !dikenal.Contains(key, StringComparer.Ordinal))
            {
                salah.Add($"{(path.Length == 0 ? key : path + "." + key)}: kunci tidak dikenal");
            }
        }
    }

    private static int Bulat(JsonObject root, string path, int min, int max, List<string> salah)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }

        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d))
        {
            if (d != decimal.Truncate(d))
            {
                salah.Add($"{path}: harus bilangan bulat");
            }
            else if (d < min || d > max)
            {
                salah.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: harus antara {min} dan {max}, bukan {d}"));
            }
            else
            {
                return (int)d;
            }

            return min;
        }

        salah.Add($"{path}: {(node is null ? "wajib ada" : "harus angka")}");
        return min;
    }

    private static void Gabung(JsonObject tujuan, JsonObject sumber)
    {
        foreach (var (key, value) in sumber.ToList())
        {
            if (value is JsonObject anak && tujuan[key] is JsonObject ada)
            {
                Gabung(ada, anak);
            }
            else
            {
                tujuan[key] = value?.DeepClone();
            }
        }
    }
}
