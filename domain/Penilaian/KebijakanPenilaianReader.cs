using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Penilaian;

/// <summary>The policy file is invalid. <see cref="Kesalahan"/> names every bad key (<c>nkp.bobotCkp: …</c>).</summary>
public sealed class KebijakanTidakValidException(string sumber, IReadOnlyList<string> kesalahan)
    : DomainException($"Kebijakan penilaian '{sumber}' tidak valid: {string.Join("; ", kesalahan)}")
{
    public IReadOnlyList<string> Kesalahan { get; } = kesalahan;
}

/// <summary>
/// Reads a scoring policy file (JSON) strictly: every key is known, every value has its type and range, and an
/// office override (a partial file of the same shape) can change any value of a preset. Keys starting with
/// <c>_</c> are comments (the source tags of domain.md live there). Reading data is all this does: the BCL's JSON
/// reader is the only "JSON" the domain knows, and no domain type carries a serialisation attribute.
/// </summary>
public static class KebijakanPenilaianReader
{
    public static IReadOnlyList<string> Preset { get; } = ["kmk467"];

    /// <summary>A key given twice is a JSON error here, not an <see cref="ArgumentException"/> when the object is read.</summary>
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    /// <summary>The preset shipped in this assembly, with an optional office override merged on top.</summary>
    public static KebijakanPenilaian BacaPreset(string nama, string? overrideJson = null)
    {
        if (!Preset.Contains(nama, StringComparer.Ordinal))
        {
            throw new KebijakanTidakValidException(nama, [$"preset '{nama}' tidak dikenal (tersedia: {string.Join(", ", Preset)})"]);
        }

        using var stream = typeof(KebijakanPenilaianReader).Assembly.GetManifestResourceStream($"Kinerja.Domain.Kebijakan.{nama}.json")
            ?? throw new InvalidOperationException($"Preset {nama} tidak tertanam di assembly");
        using var reader = new StreamReader(stream);
        return Baca(reader.ReadToEnd(), nama, overrideJson);
    }

    public static KebijakanPenilaian Baca(string json, string sumber, string? overrideJson = null)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Strict) as JsonObject ?? throw new KebijakanTidakValidException(sumber, ["isi berkas harus objek JSON"]);
            if (overrideJson is not null)
            {
                var tambahan = JsonNode.Parse(overrideJson, documentOptions: Strict) as JsonObject
                    ?? throw new KebijakanTidakValidException(sumber, ["override harus objek JSON"]);
                Gabung(root, tambahan);
            }
        }
        catch (JsonException e)
        {
            throw new KebijakanTidakValidException(sumber, [$"JSON tidak valid: {e.Message}"]);
        }

        var r = new Pembaca(root);
        var bobotPerspektif = new Dictionary<Perspektif, decimal>();
        var bp = r.Objek("nko.bobotPerspektif", ["stakeholder", "customer", "internal", "learning"]);
        if (bp is not null)
        {
            bobotPerspektif[Perspektif.Stakeholder] = r.Angka("nko.bobotPerspektif.stakeholder", 0, 100);
            bobotPerspektif[Perspektif.Pelanggan] = r.Angka("nko.bobotPerspektif.customer", 0, 100);
            bobotPerspektif[Perspektif.ProsesBisnisInternal] = r.Angka("nko.bobotPerspektif.internal", 0, 100);
            bobotPerspektif[Perspektif.PembelajaranDanPertumbuhan] = r.Angka("nko.bobotPerspektif.learning", 0, 100);
            if (bobotPerspektif.Values.Sum() <= 0)
            {
                r.Salah("nko.bobotPerspektif", "jumlah bobot harus lebih dari 0");
            }
        }

        r.Objek("", ["nama", "versi", "dasar", "indeksCapaian", "warnaCapaian", "konsolidasi", "nko", "ckp", "np", "nkp", "npkp",
            "predikatPegawai", "predikatNko", "pembulatan", "maksimalIku"]);
        r.Objek("indeksCapaian", ["batasAtas", "batasBawah", "minimizeTargetNol", "maximizeTargetNol"]);
        r.Objek("indeksCapaian.maximizeTargetNol", ["realisasiTidakNegatif", "realisasiNegatif"]);
        r.Objek("indeksCapaian.minimizeTargetNol", ["realisasiNol", "realisasiPositif"]);
        r.Objek("warnaCapaian", ["hijauMinimal", "kuningMinimal"]);
        r.Objek("konsolidasi", ["ikuTanpaRealisasi"]);
        r.Pilihan("konsolidasi.ikuTanpaRealisasi", ["keluarkanDanSementara"]);
        r.Objek("nko", ["bobotPerspektif", "nilaiPerspektif", "levelPemilikPetaStrategi"]);
        r.Pilihan("nko.nilaiPerspektif", ["rataRataSama"]);
        r.Objek("ckp", ["batasAtas", "batasBawah"]);
        r.Objek("np", ["pengurangMaksimal", "bobotAtasan", "bobotRekanDanBawahan"]);
        r.Objek("nkp", ["bobotCkp", "bobotNp"]);
        r.Objek("npkp", ["bobotNskp", "bobotNp"]);
        r.Objek("pembulatan", ["desimal"]);
        r.Objek("maksimalIku", ["pemilikOne", "pemilikTwoThree", "bukanPemilik"]);

        var levels = new HashSet<LevelUnit>();
        foreach (var (path, text) in r.DaftarTeks("nko.levelPemilikPetaStrategi"))
        {
            // By exact name only: Enum.TryParse also takes "3" and ORs "One,Two" into Three.
            if (Enum.TryParse<LevelUnit>(text, ignoreCase: false, out var level) && Enum.GetName(level) == text)
            {
                levels.Add(level);
            }
            else
            {
                r.Salah(path, $"level '{text}' tidak dikenal (One, Two, Three, Four)");
            }
        }

        var kebijakan = new KebijakanPenilaian
        {
            Nama = r.Teks("nama"),
            Versi = r.Teks("versi"),
            Dasar = r.Teks("dasar"),
            IcBatasAtas = r.Angka("indeksCapaian.batasAtas", 0, 1000),
            IcBatasBawah = r.Angka("indeksCapaian.batasBawah", 0, 1000),
            MinimizeTargetNolRealisasiNol = r.Angka("indeksCapaian.minimizeTargetNol.realisasiNol", 0, 1000),
            MinimizeTargetNolRealisasiPositif = r.Angka("indeksCapaian.minimizeTargetNol.realisasiPositif", 0, 1000),
            MaximizeTargetNolRealisasiTidakNegatif = r.Angka("indeksCapaian.maximizeTargetNol.realisasiTidakNegatif", 0, 1000),
            MaximizeTargetNolRealisasiNegatif = r.Angka("indeksCapaian.maximizeTargetNol.realisasiNegatif", 0, 1000),
            HijauMinimal = r.Angka("warnaCapaian.hijauMinimal", 0, 1000),
            KuningMinimal = r.Angka("warnaCapaian.kuningMinimal", 0, 1000),
            BobotPerspektif = bobotPerspektif,
            LevelPemilikPetaStrategi = levels,
            CkpBatasAtas = r.Angka("ckp.batasAtas", 0, 1000),
            CkpBatasBawah = r.Angka("ckp.batasBawah", 0, 1000),
            PengurangMaksimal = r.Angka("np.pengurangMaksimal", 0, 100),
            BobotPenilaiAtasan = r.Angka("np.bobotAtasan", 0, 100),
            BobotPenilaiRekanDanBawahan = r.Angka("np.bobotRekanDanBawahan", 0, 100),
            BobotCkp = r.Angka("nkp.bobotCkp", 0, 100),
            BobotNp = r.Angka("nkp.bobotNp", 0, 100),
            BobotNskpNpkp = r.Angka("npkp.bobotNskp", 0, 100),
            BobotNpNpkp = r.Angka("npkp.bobotNp", 0, 100),
            PredikatPegawai = r.Pita("predikatPegawai"),
            PredikatNko = r.Pita("predikatNko"),
            Desimal = (int)r.Angka("pembulatan.desimal", 0, 6, bulat: true),
            MaksimalIkuPemilikOne = (int)r.Angka("maksimalIku.pemilikOne", 1, 1000, bulat: true),
            MaksimalIkuPemilikTwoThree = (int)r.Angka("maksimalIku.pemilikTwoThree", 1, 1000, bulat: true),
            MaksimalIkuBukanPemilik = (int)r.Angka("maksimalIku.bukanPemilik", 1, 1000, bulat: true),
        };

        if (r.Kesalahan.Count == 0)
        {
            Periksa(kebijakan, r);
        }

        return r.Kesalahan.Count == 0 ? kebijakan : throw new KebijakanTidakValidException(sumber, r.Kesalahan);
    }

    private static void Periksa(KebijakanPenilaian k, Pembaca r)
    {
        if (k.IcBatasBawah >= k.IcBatasAtas)
        {
            r.Salah("indeksCapaian.batasBawah", "harus lebih kecil dari indeksCapaian.batasAtas");
        }

        if (k.CkpBatasBawah >= k.CkpBatasAtas)
        {
            r.Salah("ckp.batasBawah", "harus lebih kecil dari ckp.batasAtas");
        }

        if (k.KuningMinimal > k.HijauMinimal)
        {
            r.Salah("warnaCapaian.kuningMinimal", "tidak boleh lebih besar dari warnaCapaian.hijauMinimal");
        }

        if (k.BobotCkp + k.BobotNp != 100)
        {
            r.Salah("nkp", $"bobotCkp + bobotNp harus 100, bukan {k.BobotCkp + k.BobotNp}");
        }

        if (k.BobotNskpNpkp + k.BobotNpNpkp != 100)
        {
            r.Salah("npkp", $"bobotNskp + bobotNp harus 100, bukan {k.BobotNskpNpkp + k.BobotNpNpkp}");
        }

        if (k.BobotPenilaiAtasan + k.BobotPenilaiRekanDanBawahan != 100)
        {
            r.Salah("np", $"bobotAtasan + bobotRekanDanBawahan harus 100, bukan {k.BobotPenilaiAtasan + k.BobotPenilaiRekanDanBawahan}");
        }

        if (k.LevelPemilikPetaStrategi.Count == 0)
        {
            r.Salah("nko.levelPemilikPetaStrategi", "paling sedikit satu level");
        }
    }

    /// <summary>Deep merge: objects merge key by key, anything else replaces.</summary>
    private static void Gabung(JsonObject tujuan, JsonObject sumber)
    {
        foreach (var (key, value) in sumber.ToList())
        {
            if (value is JsonObject obj && tujuan[key] is JsonObject target)
            {
                Gabung(target, obj);
            }
            else
            {
                tujuan[key] = value?.DeepClone();
            }
        }
    }

    private sealed class Pembaca(JsonObject root)
    {
        public List<string> Kesalahan { get; } = [];

        public void Salah(string path, string pesan) => Kesalahan.Add($"{(path.Length == 0 ? "(akar)" : path)}: {pesan}");

        private JsonNode? Node(string path)
        {
            JsonNode? node = root;
            if (path.Length == 0)
            {
                return node;
            }

            foreach (var part in path.Split('.'))
            {
                node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
                if (node is null)
                {
                    return null;
                }
            }

            return node;
        }

        public JsonObject? Objek(string path, string[] kunci)
        {
            var node = Node(path);
            if (node is not JsonObject obj)
            {
                Salah(path, node is null ? "wajib ada" : "harus objek");
                return null;
            }

            foreach (var (key, _) in obj)
            {
                if (!key.StartsWith('_') && !kunci.Contains(key, StringComparer.Ordinal))
                {
                    Salah(path.Length == 0 ? key : $"{path}.{key}", "kunci tidak dikenal");
                }
            }

            return obj;
        }

        public string Teks(string path)
        {
            var node = Node(path);
            if (node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s))
            {
                return s;
            }

            Salah(path, node is null ? "wajib ada" : "harus teks yang tidak kosong");
            return "";
        }

        public void Pilihan(string path, string[] pilihan)
        {
            var node = Node(path);
            if (node is JsonValue v && v.TryGetValue<string>(out var s) && pilihan.Contains(s, StringComparer.Ordinal))
            {
                return;
            }

            Salah(path, node is null ? "wajib ada" : $"harus salah satu dari: {string.Join(", ", pilihan)}");
        }

        public decimal Angka(string path, decimal min, decimal max, bool bulat = false)
        {
            var node = Node(path);
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d))
            {
                if (d < min || d > max)
                {
                    Salah(path, $"harus antara {min.ToString(CultureInfo.InvariantCulture)} dan {max.ToString(CultureInfo.InvariantCulture)}, bukan {d.ToString(CultureInfo.InvariantCulture)}");
                    // The file is rejected anyway; an in-range value keeps the caller's (int) cast from overflowing first.
                    return min;
                }
                else if (bulat && d != decimal.Truncate(d))
                {
                    Salah(path, "harus bilangan bulat");
                }

                return d;
            }

            Salah(path, node is null ? "wajib ada" : "harus angka");
            return 0;
        }

        public IEnumerable<(string Path, string Teks)> DaftarTeks(string path)
        {
            var node = Node(path);
            if (node is not JsonArray arr)
            {
                Salah(path, node is null ? "wajib ada" : "harus daftar");
                yield break;
            }

            for (var i = 0; i < arr.Count; i++)
            {
                if (arr[i] is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    yield return ($"{path}[{i}]", s);
                }
                else
                {
                    Salah($"{path}[{i}]", "harus teks");
                }
            }
        }

        public PitaPredikat Pita(string path)
        {
            Objek(path, ["perbandingan", "pita", "terendah"]);
            Pilihan($"{path}.perbandingan", ["lebihDari", "minimal"]);
            var perbandingan = Node($"{path}.perbandingan") is JsonValue pv && pv.TryGetValue<string>(out var ps) && ps == "minimal"
                ? Perbandingan.Minimal
                : Perbandingan.LebihDari;
            var pita = new List<(string, decimal)>();
            if (Node($"{path}.pita") is JsonArray arr && arr.Count > 0)
            {
                for (var i = 0; i < arr.Count; i++)
                {
                    var p = $"{path}.pita[{i}]";
                    if (arr[i] is not JsonObject o)
                    {
                        Salah(p, "harus objek {predikat, batas}");
                        continue;
                    }

                    foreach (var (key, _) in o)
                    {
                        if (key is not ("predikat" or "batas") && !key.StartsWith('_'))
                        {
                            Salah($"{p}.{key}", "kunci tidak dikenal");
                        }
                    }

                    var predikat = o["predikat"] is JsonValue tv && tv.TryGetValue<string>(out var t) && !string.IsNullOrWhiteSpace(t) ? t : null;
                    if (predikat is null)
                    {
                        Salah($"{p}.predikat", "wajib teks yang tidak kosong");
                    }

                    var batas = o["batas"] is JsonValue bv && bv.GetValueKind() == JsonValueKind.Number && bv.TryGetValue<decimal>(out var b) ? b : (decimal?)null;
                    if (batas is null)
                    {
                        Salah($"{p}.batas", "wajib angka");
                    }
                    else if (pita.Count > 0 && batas >= pita[^1].Item2)
                    {
                        Salah($"{p}.batas", "pita harus urut dari batas tertinggi ke terendah");
                    }

                    pita.Add((predikat ?? "", batas ?? 0));
                }
            }
            else
            {
                Salah($"{path}.pita", "wajib daftar yang tidak kosong");
            }

            return new PitaPredikat(perbandingan, pita, Teks($"{path}.terendah"));
        }
    }
}
