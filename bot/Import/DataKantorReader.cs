using System.Globalization;
using Kinerja.Domain;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace KinerjaBot.Import;

/// <summary>
/// Reads an office's data (data-format.md): a folder of CSV files, or one .xlsx workbook whose sheets carry the same
/// names, into a validated <see cref="DataKantor"/>. Every problem is collected, none stops the reading, and nothing
/// is returned unless there is none: the import is all or nothing.
/// <para>Decisions the format leaves open (documented here and in the report):</para>
/// <list type="bullet">
/// <item>Files and sheets: <c>unit</c>, <c>pegawai</c>, <c>iku</c>, <c>target</c>, <c>realisasi</c>, <c>perilaku</c> are
/// required, <c>skp</c> and <c>inisiatif</c> are optional; names are matched without regard to case; other CSV files or sheets are a
/// warning. Header names are trimmed and compared in lower case.</item>
/// <item>Columns that may be left out of the header: <c>target_atas</c>, <c>pengurang</c> (read as 0). Cells that may be
/// empty: <c>kode_induk</c>, <c>nip_atasan</c>, <c>jabatan</c>, <c>satuan</c>, <c>target_atas</c>, <c>pengurang</c>.</item>
/// <item>Choice values (<c>level</c>, <c>perspektif</c>, <c>polaritas</c>, <c>konsolidasi</c>, <c>periode</c>,
/// <c>status</c>, <c>kepala_unit</c>) are matched without regard to case.</item>
/// <item>Exactly one unit is the office's top unit: the only one whose <c>kode_induk</c> is empty or outside the file.</item>
/// <item><c>nip_atasan</c> may be empty or outside the file only for the head (<c>kepala_unit = ya</c>) of the top unit;
/// anyone else's supervisor must be in <c>pegawai</c>.</item>
/// <item>Weights are an error when they do not sum to 100: for a strategy-map owner per strategic objective
/// (perspektif + sasaran_strategis), for everyone else over the contract (domain.md §5, "weights sum to 100").</item>
/// <item>More IKU in a contract than the policy's maximum is a warning (domain.md §2).</item>
/// <item>An <c>skp</c> row for a year in which the employee has no IKU creates an empty contract with that status
/// (a warning says so); a realisation for a quarter without a target is a warning (it does not count).</item>
/// <item>Duplicate e-mails (case-insensitive) are an error: the e-mail matches the Teams user.</item>
/// <item><c>inisiatif</c>: the owner must own a strategy map (head of a unit at a map-owning level of the policy) and have
/// IKU that year under the row's <c>sasaran_strategis</c>, spelled as in <c>iku</c> (that is how an SS is identified);
/// <c>progres_persen</c> 0–100, <c>tenggat</c> an optional ISO date, names unique per owner and year.</item>
/// </list>
/// </summary>
public sealed class DataKantorReader(KebijakanPenilaian kebijakan)
{
    private static readonly string[] UrutanBerkas = ["unit", "pegawai", "iku", "target", "realisasi", "perilaku", "skp", "inisiatif"];

    private static readonly Dictionary<string, (string[] Kolom, string[] BolehTidakAda, bool Wajib)> Skema = new(StringComparer.Ordinal)
    {
        ["unit"] = (["kode", "nama", "kode_induk", "level", "zona_waktu"], [], true),
        ["pegawai"] = (["nip", "nama", "email", "jabatan", "kode_unit", "nip_atasan", "kepala_unit", "tanggal_mulai"], ["tanggal_mulai"], true),
        ["iku"] = (["tahun", "nip_pemilik", "kode", "nama", "perspektif", "sasaran_strategis", "bobot", "polaritas", "konsolidasi", "satuan"], [], true),
        ["target"] = (["tahun", "nip_pemilik", "kode_iku", "periode", "target", "target_atas"], ["target_atas"], true),
        ["realisasi"] = (["tahun", "nip_pemilik", "kode_iku", "periode", "realisasi"], [], true),
        ["perilaku"] = (["tahun", "nip", "nilai", "pengurang"], ["pengurang"], true),
        ["skp"] = (["tahun", "nip", "status"], [], false),
        ["inisiatif"] = (["tahun", "nip_pemilik", "sasaran_strategis", "nama", "progres_persen", "tenggat", "keterangan"], ["tenggat", "keterangan"], false),
    };

    private static readonly Dictionary<string, LevelUnit> Level = new(StringComparer.OrdinalIgnoreCase)
    {
        ["One"] = LevelUnit.One,
        ["Two"] = LevelUnit.Two,
        ["Three"] = LevelUnit.Three,
        ["Four"] = LevelUnit.Four,
    };

    private static readonly Dictionary<string, Perspektif> PerspektifKode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["stakeholder"] = Perspektif.Stakeholder,
        ["customer"] = Perspektif.Pelanggan,
        ["internal"] = Perspektif.ProsesBisnisInternal,
        ["learning"] = Perspektif.PembelajaranDanPertumbuhan,
    };

    private static readonly Dictionary<string, Polaritas> PolaritasKode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["max"] = Polaritas.Maximize,
        ["min"] = Polaritas.Minimize,
        ["stab"] = Polaritas.Stabilize,
    };

    private static readonly Dictionary<string, JenisKonsolidasi> KonsolidasiKode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sum"] = JenisKonsolidasi.Sum,
        ["average"] = JenisKonsolidasi.Average,
        ["tlkv"] = JenisKonsolidasi.TakeLastKnownValue,
    };

    private static readonly Dictionary<string, StatusSkp> StatusKode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["draft"] = StatusSkp.Draft,
        ["diajukan"] = StatusSkp.Diajukan,
        ["disetujui"] = StatusSkp.Disetujui,
        ["dikembalikan"] = StatusSkp.Dikembalikan,
    };

    private static readonly Dictionary<string, bool> YaTidak = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ya"] = true,
        ["tidak"] = false,
    };

    private readonly Penilai _penilai = new(kebijakan);

    public KebijakanPenilaian Kebijakan { get; } = kebijakan;

    /// <summary>Reads a folder of CSV files or one .xlsx workbook.</summary>
    public ImportResult Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var tables = Directory.Exists(path) ? ReadFolder(path, errors, warnings)
            : File.Exists(path) && path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadWorkbook(path, errors, warnings)
            : null;
        if (tables is null)
        {
            errors.Add(new ImportIssue(Path.GetFileName(path.TrimEnd('/', '\\')), 0, "*",
                File.Exists(path) ? "bukan folder CSV atau workbook .xlsx" : "folder atau berkas tidak ditemukan"));
            return new ImportResult(null, errors, warnings);
        }

        return Validate(tables, errors, warnings);
    }

    private static Dictionary<string, RawTable> ReadFolder(string folder, List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        var tables = new Dictionary<string, RawTable>(StringComparer.Ordinal);
        var opsi = new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var file in Directory.EnumerateFiles(folder, "*.csv", opsi).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var name = Path.GetFileNameWithoutExtension(file).Trim().ToLowerInvariant();
            if (!Skema.ContainsKey(name))
            {
                warnings.Add(new ImportIssue(fileName, 0, "*", $"berkas tidak dikenal, diabaikan (yang dibaca: {string.Join(", ", UrutanBerkas.Select(b => b + ".csv"))})"));
                continue;
            }

            if (tables.ContainsKey(name))
            {
                errors.Add(new ImportIssue(fileName, 0, "*", $"berkas {name}.csv ada lebih dari satu (beda huruf besar/kecil)"));
                continue;
            }

            tables[name] = CsvTableReader.Read(file, name, fileName, errors);
        }

        foreach (var (name, skema) in Skema)
        {
            if (skema.Wajib && !tables.ContainsKey(name))
            {
                errors.Add(new ImportIssue(name + ".csv", 0, "*", $"berkas wajib tidak ada di folder {Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/', '\\'))}"));
            }
        }

        return tables;
    }

    private static Dictionary<string, RawTable>? ReadWorkbook(string path, List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        var workbook = Path.GetFileName(path);
        var tables = new Dictionary<string, RawTable>(StringComparer.Ordinal);
        try
        {
            foreach (var sheet in XlsxTableReader.SheetNames(path))
            {
                var name = sheet.Trim().ToLowerInvariant();
                var label = $"{workbook}[{sheet}]";
                if (!Skema.ContainsKey(name))
                {
                    warnings.Add(new ImportIssue(label, 0, "*", $"lembar kerja tidak dikenal, diabaikan (yang dibaca: {string.Join(", ", UrutanBerkas)})"));
                    continue;
                }

                if (tables.ContainsKey(name))
                {
                    errors.Add(new ImportIssue(label, 0, "*", $"lembar kerja {name} ada lebih dari satu"));
                    continue;
                }

                tables[name] = XlsxTableReader.Read(path, sheet, name, label);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.Xml.XmlException
                                      or FormatException or ArgumentException or NotSupportedException)
        {
            errors.Add(new ImportIssue(workbook, 0, "*", $"workbook tidak dapat dibaca: {e.Message}"));
            return tables;
        }

        foreach (var (name, skema) in Skema)
        {
            if (skema.Wajib && !tables.ContainsKey(name))
            {
                errors.Add(new ImportIssue($"{workbook}[{name}]", 0, "*", "lembar kerja wajib tidak ada"));
            }
        }

        return tables;
    }

    private ImportResult Validate(Dictionary<string, RawTable> tables, List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        foreach (var (name, table) in tables)
        {
            CheckHeader(table, Skema[name].Kolom, Skema[name].BolehTidakAda, errors);
        }

        var v = new Validasi(this, tables, errors, warnings);
        var data = v.Run();

        // Errors in file order, then line: the way a coordinator walks through the files.
        var order = (ImportIssue i) =>
        {
            var name = tables.Values.FirstOrDefault(t => t.Label == i.File)?.Name ?? Path.GetFileNameWithoutExtension(i.File);
            var index = Array.IndexOf(UrutanBerkas, name);
            return index < 0 ? UrutanBerkas.Length : index;
        };
        var sortedErrors = errors.OrderBy(order).ThenBy(e => e.Line).ToList();
        var sortedWarnings = warnings.OrderBy(order).ThenBy(e => e.Line).ToList();
        return new ImportResult(sortedErrors.Count == 0 ? data : null, sortedErrors, sortedWarnings);
    }

    private static void CheckHeader(RawTable table, string[] kolom, string[] bolehTidakAda, List<ImportIssue> errors)
    {
        if (table.Header.Count == 0)
        {
            errors.Add(new ImportIssue(table.Label, 1, "*", $"baris header tidak ada (kolom: {string.Join(",", kolom)})"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < table.Header.Count; i++)
        {
            var h = table.Header[i];
            if (h.Length == 0)
            {
                errors.Add(new ImportIssue(table.Label, table.HeaderLine, $"kolom {(i + 1).ToString(CultureInfo.InvariantCulture)}", "nama kolom kosong"));
            }
            else if (!seen.Add(h))
            {
                errors.Add(new ImportIssue(table.Label, table.HeaderLine, h, "kolom muncul dua kali"));
            }
            else if (!kolom.Contains(h, StringComparer.Ordinal))
            {
                var petunjuk = h.Contains(';', StringComparison.Ordinal) ? " — pemisah harus koma, bukan titik koma" : "";
                errors.Add(new ImportIssue(table.Label, table.HeaderLine, h, $"kolom tidak dikenal (kolom yang dikenal: {string.Join(", ", kolom)}){petunjuk}"));
            }
        }

        foreach (var k in kolom)
        {
            if (!seen.Contains(k) && !bolehTidakAda.Contains(k, StringComparer.Ordinal))
            {
                errors.Add(new ImportIssue(table.Label, table.HeaderLine, k, "kolom wajib tidak ada di header"));
            }
        }

        foreach (var row in table.Rows)
        {
            for (var i = table.Header.Count; i < row.Cells.Length; i++)
            {
                if (!row.Cells[i].IsEmpty)
                {
                    var petunjuk = table.Label.EndsWith(".csv", StringComparison.Ordinal)
                        ? " (koma di dalam angka? pakai titik sebagai pemisah desimal; teks berkoma diapit tanda kutip)"
                        : "";
                    errors.Add(new ImportIssue(table.Label, row.Line, "*",
                        $"baris punya {row.Cells.Length.ToString(CultureInfo.InvariantCulture)} nilai, header hanya {table.Header.Count.ToString(CultureInfo.InvariantCulture)} kolom{petunjuk}"));
                    break;
                }
            }

            // No value of an office's data is meant to be long (names, IKU and initiative texts, units): a longer cell is
            // a pasted document or a broken quote, and would not fit every store (docs/storage.md "Limits").
            for (var i = 0; i < Math.Min(row.Cells.Length, table.Header.Count); i++)
            {
                if (row.Cells[i].Text.Length > SelMaksimal)
                {
                    errors.Add(new ImportIssue(table.Label, row.Line, table.Header[i], string.Create(CultureInfo.GetCultureInfo("id-ID"),
                        $"isi sel terlalu panjang: {row.Cells[i].Text.Length:N0} karakter, paling banyak {SelMaksimal:N0} (tanda kutip yang tidak ditutup?)")));
                }
            }
        }
    }

    /// <summary>The longest cell accepted, in characters.</summary>
    public const int SelMaksimal = 1000;

    /// <summary>One cell accessor per row: reads typed values and records what is wrong with them.</summary>
    private sealed class Baris(RawTable table, RawRow row, List<ImportIssue> errors)
    {
        public int Line => row.Line;

        public string Label => table.Label;

        public void Salah(string kolom, string pesan) => errors.Add(new ImportIssue(table.Label, row.Line, kolom, pesan));

        private RawCell? Sel(string kolom) =>
            table.Index(kolom) is { } i && i < row.Cells.Length ? row.Cells[i] : null;

        public bool AdaKolom(string kolom) => table.Index(kolom) is not null;

        public string? Teks(string kolom, bool wajib = true)
        {
            var t = Sel(kolom)?.Text.Trim();
            if (string.IsNullOrEmpty(t))
            {
                if (wajib && AdaKolom(kolom))
                {
                    Salah(kolom, "wajib diisi");
                }

                return null;
            }

            return t;
        }

        public decimal? Angka(string kolom, bool wajib = true)
        {
            if (Sel(kolom) is { Number: { } d })
            {
                if (double.IsFinite(d) && Math.Abs(d) < 1e15)
                {
                    return (decimal)d;
                }

                Salah(kolom, $"angka {d.ToString("R", CultureInfo.InvariantCulture)} di luar rentang");
                return null;
            }

            var t = Teks(kolom, wajib);
            if (t is null)
            {
                return null;
            }

            if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }

            Salah(kolom, t.Contains(',', StringComparison.Ordinal)
                ? $"'{t}' bukan angka: pakai titik sebagai pemisah desimal (mis. {t.Replace(',', '.')}), tanpa pemisah ribuan"
                : $"'{t}' bukan angka");
            return null;
        }

        /// <summary>
        /// An optional date <c>YYYY-MM-DD</c> (a workbook's date cell is read as that date), years 1950–2100; null when
        /// empty, when the column is absent, or when it is wrong (then reported).
        /// </summary>
        public DateOnly? Tanggal(string kolom)
        {
            if (Sel(kolom) is { Number: { } d })
            {
                if (d is >= 18264 and < 73051 && d == Math.Floor(d))
                {
                    return DateOnly.FromDateTime(DateTime.FromOADate(d));
                }

                Salah(kolom, $"'{d.ToString("R", CultureInfo.InvariantCulture)}' bukan tanggal: tulis sebagai YYYY-MM-DD, mis. 2027-07-01");
                return null;
            }

            var t = Teks(kolom, wajib: false);
            if (t is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tanggal) && tanggal.Year is >= 1950 and <= 2100)
            {
                return tanggal;
            }

            Salah(kolom, $"'{t}' bukan tanggal YYYY-MM-DD (mis. 2027-07-01) antara tahun 1950 dan 2100");
            return null;
        }

        public int? Tahun(string kolom = "tahun")
        {
            var a = Angka(kolom);
            if (a is null)
            {
                return null;
            }

            if (a != decimal.Truncate(a.Value) || a is < 2000 or > 2100)
            {
                Salah(kolom, $"tahun harus bilangan bulat 2000–2100, bukan {a.Value.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }

            return (int)a.Value;
        }

        public Nip? Nip(string kolom, bool wajib = true)
        {
            if (Sel(kolom) is { Number: not null } sel)
            {
                Salah(kolom, $"NIP '{sel.Text}' tersimpan sebagai angka; di workbook NIP harus berformat teks (Excel tidak dapat menyimpan 18 digit sebagai angka dengan tepat)");
                return null;
            }

            var t = Teks(kolom, wajib);
            if (t is null)
            {
                return null;
            }

            if (Kinerja.Domain.Organisasi.Nip.TryParse(t, out var nip, out var alasan))
            {
                return nip;
            }

            Salah(kolom, alasan);
            return null;
        }

        public T? Pilihan<T>(string kolom, Dictionary<string, T> pilihan)
            where T : struct
        {
            var t = Teks(kolom);
            if (t is null)
            {
                return null;
            }

            if (pilihan.TryGetValue(t, out var v))
            {
                return v;
            }

            Salah(kolom, $"'{t}' tidak dikenal (pilihan: {string.Join(", ", pilihan.Keys)})");
            return null;
        }
    }

    private sealed record UnitBaris(int Line, string Kode, string? KodeInduk, Unit? Unit);

    private sealed record PegawaiBaris(int Line, Nip Nip, string? KodeUnit, Nip? NipAtasan, bool AtasanKosong, bool? Kepala, Pegawai? Pegawai);

    private sealed class KontrakBaris(int tahun, Nip nip)
    {
        public int Tahun { get; } = tahun;

        public Nip Nip { get; } = nip;

        public int LineSkp { get; set; }

        public StatusSkp? Status { get; set; }

        /// <summary>IKU rows in file order; <c>Iku</c> null when the row had an error.</summary>
        public List<(int Line, string Kode, Iku? Iku, decimal? Bobot)> Iku { get; } = [];
    }

    /// <summary>The checks of one read, table by table, then across tables.</summary>
    private sealed class Validasi(DataKantorReader reader, Dictionary<string, RawTable> tables, List<ImportIssue> errors, List<ImportIssue> warnings)
    {
        private readonly List<UnitBaris> _unit = [];
        private readonly Dictionary<string, UnitBaris> _unitByKode = new(StringComparer.Ordinal);
        private readonly List<PegawaiBaris> _pegawai = [];
        private readonly Dictionary<Nip, PegawaiBaris> _pegawaiByNip = [];
        private readonly Dictionary<(int, Nip), KontrakBaris> _kontrak = [];
        private readonly List<NilaiPerilaku> _perilaku = [];
        private readonly List<(int Line, int Tahun, Nip Pemilik, InisiatifStrategis Inisiatif)> _inisiatif = [];
        private string? _unitPuncak;

        private IEnumerable<Baris> Rows(string name) =>
            tables.TryGetValue(name, out var t) && t.Header.Count > 0 ? t.Rows.Select(r => new Baris(t, r, errors)) : [];

        private string Label(string name) => tables.TryGetValue(name, out var t) ? t.Label : name + ".csv";

        private void Warn(string label, int line, string kolom, string pesan) => warnings.Add(new ImportIssue(label, line, kolom, pesan));

        public DataKantor? Run()
        {
            BacaUnit();
            BacaPegawai();
            var data = BangunOrganisasi();
            BacaIku();
            BacaTargetDanRealisasi("target");
            BacaTargetDanRealisasi("realisasi");
            BacaPerilaku();
            BacaSkp();
            PeriksaKontrak(data);
            BacaInisiatif(data);
            return errors.Count == 0 ? BangunKinerja(data) : null;
        }

        private void BacaUnit()
        {
            foreach (var b in Rows("unit"))
            {
                var kode = b.Teks("kode");
                var nama = b.Teks("nama");
                var induk = b.Teks("kode_induk", wajib: false);
                var level = b.Pilihan("level", Level);
                ZonaWaktu? zona = null;
                if (b.Teks("zona_waktu") is { } z && !ZonaWaktu.TryParse(z, out zona))
                {
                    b.Salah("zona_waktu", $"'{z}' tidak dikenal (pilihan: Asia/Jakarta, Asia/Makassar, Asia/Jayapura)");
                }

                if (kode is null)
                {
                    continue;
                }

                if (_unitByKode.TryGetValue(kode, out var lama))
                {
                    b.Salah("kode", $"kode unit {kode} sudah dipakai di baris {lama.Line.ToString(CultureInfo.InvariantCulture)}");
                    continue;
                }

                if (induk == kode)
                {
                    b.Salah("kode_induk", $"unit {kode} tidak boleh menjadi induknya sendiri");
                }

                var unit = nama is not null && level is { } l && zona is not null ? new Unit(kode, nama, induk, l, zona) : null;
                var baris = new UnitBaris(b.Line, kode, induk, unit);
                _unit.Add(baris);
                _unitByKode.Add(kode, baris);
            }

            if (tables.ContainsKey("unit") && _unit.Count == 0 && tables["unit"].Header.Count > 0)
            {
                errors.Add(new ImportIssue(Label("unit"), tables["unit"].HeaderLine, "*", "tidak ada unit"));
            }

            // Exactly one top unit: the one whose parent is empty or outside the file.
            var puncak = _unit.Where(u => u.KodeInduk is null || !_unitByKode.ContainsKey(u.KodeInduk)).ToList();
            if (puncak.Count > 1)
            {
                foreach (var u in puncak.Skip(1))
                {
                    errors.Add(new ImportIssue(Label("unit"), u.Line, "kode_induk",
                        $"hanya satu unit (unit puncak kantor) boleh berinduk kosong atau di luar berkas; {puncak[0].Kode} sudah menjadi unit puncak"));
                }
            }

            _unitPuncak = puncak.Count > 0 ? puncak[0].Kode : null;

            foreach (var siklus in CariSiklus(_unit.Select(u => (u.Kode, u.KodeInduk)), StringComparer.Ordinal))
            {
                var pertama = siklus.Select(k => _unitByKode[k]).MinBy(u => u.Line)!;
                errors.Add(new ImportIssue(Label("unit"), pertama.Line, "kode_induk",
                    $"lingkaran unit induk: {string.Join(" → ", siklus.Append(siklus[0]))}"));
            }

            if (_unitPuncak is null && _unit.Count > 0 && errors.TrueForAll(e => e.Column != "kode_induk"))
            {
                errors.Add(new ImportIssue(Label("unit"), _unit[0].Line, "kode_induk", "tidak ada unit puncak (unit yang induknya kosong atau di luar berkas)"));
            }
        }

        private void BacaPegawai()
        {
            var email = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var kepala = new Dictionary<string, PegawaiBaris>(StringComparer.Ordinal);
            foreach (var b in Rows("pegawai"))
            {
                var nip = b.Nip("nip");
                var nama = b.Teks("nama");
                var mail = b.Teks("email");
                var jabatan = b.Teks("jabatan", wajib: false) ?? "";
                var kodeUnit = b.Teks("kode_unit");
                var teksAtasan = b.Teks("nip_atasan", wajib: false);
                var atasan = teksAtasan is null ? null : b.Nip("nip_atasan", wajib: false);
                var kepalaUnit = b.Pilihan("kepala_unit", YaTidak);
                var tanggalMulai = b.Tanggal("tanggal_mulai");

                if (mail is not null)
                {
                    var at = mail.IndexOf('@', StringComparison.Ordinal);
                    if (at <= 0 || at == mail.Length - 1 || mail.Contains(' ', StringComparison.Ordinal))
                    {
                        b.Salah("email", $"'{mail}' bukan alamat e-mail");
                    }
                    else if (!email.TryAdd(mail, b.Line))
                    {
                        b.Salah("email", $"e-mail {mail} sudah dipakai di baris {email[mail].ToString(CultureInfo.InvariantCulture)}");
                    }
                }

                if (kodeUnit is not null && !_unitByKode.ContainsKey(kodeUnit))
                {
                    b.Salah("kode_unit", $"unit {kodeUnit} tidak ada di {Label("unit")}");
                }

                if (nip is not { } n)
                {
                    continue;
                }

                if (_pegawaiByNip.TryGetValue(n, out var lama))
                {
                    b.Salah("nip", $"NIP {n} sudah dipakai di baris {lama.Line.ToString(CultureInfo.InvariantCulture)}");
                    continue;
                }

                if (atasan == n)
                {
                    b.Salah("nip_atasan", "pegawai tidak boleh menjadi atasannya sendiri");
                }

                // Nobody starts a post before entering the civil service (the TMT CPNS month is in the NIP).
                if (tanggalMulai is { } mulai && (mulai.Year, mulai.Month).CompareTo(n.TmtCpns) < 0)
                {
                    b.Salah("tanggal_mulai", $"tanggal mulai {mulai:yyyy-MM-dd} sebelum TMT CPNS {n.TmtCpns.Tahun:D4}-{n.TmtCpns.Bulan:D2} pada NIP {n}");
                    tanggalMulai = null;
                }

                Pegawai? pegawai = null;
                if (nama is not null && mail is not null && kodeUnit is not null && kepalaUnit is not null && (teksAtasan is null || atasan is not null))
                {
                    pegawai = new Pegawai(n, nama, mail, jabatan, kodeUnit, atasan, kepalaUnit.Value, tanggalMulai);
                }

                var baris = new PegawaiBaris(b.Line, n, kodeUnit, atasan, teksAtasan is null, kepalaUnit, pegawai);
                if (kepalaUnit == true && kodeUnit is not null)
                {
                    if (kepala.TryGetValue(kodeUnit, out var kepalaLain))
                    {
                        b.Salah("kepala_unit", $"unit {kodeUnit} sudah punya kepala: {kepalaLain.Nip} (baris {kepalaLain.Line.ToString(CultureInfo.InvariantCulture)})");
                    }
                    else
                    {
                        kepala.Add(kodeUnit, baris);
                    }
                }

                _pegawai.Add(baris);
                _pegawaiByNip.Add(n, baris);
            }

            if (tables.TryGetValue("pegawai", out var t) && t.Header.Count > 0 && t.Rows.Count == 0)
            {
                errors.Add(new ImportIssue(t.Label, t.HeaderLine, "*", "tidak ada pegawai"));
            }

            // The supervisor must be in the file, except for the head of the top unit (the office head), whose
            // supervisor sits above the office (the Kanwil) or is left empty.
            foreach (var p in _pegawai)
            {
                var kepalaKantor = p.Kepala == true && p.KodeUnit is not null && p.KodeUnit == _unitPuncak;
                if (kepalaKantor)
                {
                    continue;
                }

                if (p.AtasanKosong)
                {
                    errors.Add(new ImportIssue(Label("pegawai"), p.Line, "nip_atasan",
                        "wajib diisi; hanya kepala unit puncak kantor yang boleh tanpa atasan di berkas"));
                }
                else if (p.NipAtasan is { } a && !_pegawaiByNip.ContainsKey(a))
                {
                    errors.Add(new ImportIssue(Label("pegawai"), p.Line, "nip_atasan",
                        $"NIP atasan {a} tidak ada di {Label("pegawai")}; hanya kepala unit puncak kantor yang boleh beratasan di luar berkas"));
                }
            }

            foreach (var siklus in CariSiklus(_pegawai.Where(p => p.NipAtasan != p.Nip).Select(p => (p.Nip.Value, p.NipAtasan?.Value)), StringComparer.Ordinal))
            {
                var pertama = siklus.Select(k => _pegawaiByNip[Kinerja.Domain.Organisasi.Nip.Parse(k)]).MinBy(p => p.Line)!;
                errors.Add(new ImportIssue(Label("pegawai"), pertama.Line, "nip_atasan",
                    $"lingkaran atasan: {string.Join(" → ", siklus.Append(siklus[0]))}"));
            }
        }

        /// <summary>Cycles of a "points to its parent" graph, each once, starting at its first member in file order.</summary>
        private static List<List<string>> CariSiklus(IEnumerable<(string Kode, string? Induk)> tepi, StringComparer comparer)
        {
            var induk = new Dictionary<string, string?>(comparer);
            var urutan = new List<string>();
            foreach (var (kode, i) in tepi)
            {
                if (induk.TryAdd(kode, i))
                {
                    urutan.Add(kode);
                }
            }

            var selesai = new HashSet<string>(comparer);
            var hasil = new List<List<string>>();
            foreach (var mulai in urutan)
            {
                var jalur = new List<string>();
                var diJalur = new Dictionary<string, int>(comparer);
                var k = mulai;
                while (k is not null && induk.ContainsKey(k) && !selesai.Contains(k))
                {
                    if (diJalur.TryGetValue(k, out var posisi))
                    {
                        hasil.Add(jalur.Skip(posisi).ToList());
                        break;
                    }

                    diJalur.Add(k, jalur.Count);
                    jalur.Add(k);
                    k = induk[k];
                }

                selesai.UnionWith(jalur);
            }

            return hasil;
        }

        private DataKantor BangunOrganisasi()
        {
            var data = new DataKantor();
            foreach (var u in _unit)
            {
                if (u.Unit is not null)
                {
                    Domain(Label("unit"), u.Line, "kode", () => data.TambahUnit(u.Unit));
                }
            }

            foreach (var p in _pegawai)
            {
                // A second head of a unit was reported already; the domain would refuse it again.
                if (p.Pegawai is { } pegawai && data.CariUnit(pegawai.KodeUnit) is not null
                    && !(pegawai.KepalaUnit && data.KepalaUnit(pegawai.KodeUnit) is not null))
                {
                    Domain(Label("pegawai"), p.Line, "nip", () => data.TambahPegawai(pegawai));
                }
            }

            return data;
        }

        private void Domain(string label, int line, string kolom, Action action)
        {
            try
            {
                action();
            }
            catch (DomainException e)
            {
                errors.Add(new ImportIssue(label, line, kolom, e.Message));
            }
        }

        /// <summary>The owner's NIP must be a person of the file; an unparsable one was already reported.</summary>
        private Nip? Pemilik(Baris b, string kolom)
        {
            var nip = b.Nip(kolom);
            if (nip is { } n && !_pegawaiByNip.ContainsKey(n))
            {
                b.Salah(kolom, $"NIP {n} tidak ada di {Label("pegawai")}");
                return null;
            }

            return nip;
        }

        private void BacaIku()
        {
            var kode = new Dictionary<(int, Nip, string), int>();
            foreach (var b in Rows("iku"))
            {
                var tahun = b.Tahun();
                var nip = Pemilik(b, "nip_pemilik");
                var k = b.Teks("kode");
                var nama = b.Teks("nama");
                var perspektif = b.Pilihan("perspektif", PerspektifKode);
                var sasaran = b.Teks("sasaran_strategis");
                var bobotAngka = b.Angka("bobot");
                Bobot? bobot = null;
                if (bobotAngka is { } ba)
                {
                    if (ba <= 0)
                    {
                        b.Salah("bobot", $"bobot harus lebih dari 0, bukan {ba.ToString(CultureInfo.InvariantCulture)}");
                    }
                    else
                    {
                        try
                        {
                            bobot = new Bobot(ba);
                        }
                        catch (DomainException e)
                        {
                            b.Salah("bobot", e.Message);
                        }
                    }
                }

                var polaritas = b.Pilihan("polaritas", PolaritasKode);
                var konsolidasi = b.Pilihan("konsolidasi", KonsolidasiKode);
                var satuan = b.Teks("satuan", wajib: false) ?? "";

                if (tahun is not { } t || nip is not { } n || k is null)
                {
                    continue;
                }

                var kunci = (t, n, k.ToUpperInvariant());
                if (kode.TryGetValue(kunci, out var lama))
                {
                    b.Salah("kode", $"kode IKU {k} sudah ada di kontrak {n} tahun {t.ToString(CultureInfo.InvariantCulture)} (baris {lama.ToString(CultureInfo.InvariantCulture)})");
                    continue;
                }

                kode.Add(kunci, b.Line);
                Iku? iku = null;
                if (nama is not null && perspektif is { } p && sasaran is not null && bobot is { } bo && polaritas is { } po && konsolidasi is { } ko)
                {
                    try
                    {
                        iku = new Iku(k, nama, p, sasaran, bo, po, ko, satuan);
                    }
                    catch (DomainException e)
                    {
                        b.Salah("*", e.Message);
                    }
                }

                Kontrak(t, n).Iku.Add((b.Line, k, iku, bobot?.Nilai));
            }
        }

        private KontrakBaris Kontrak(int tahun, Nip nip)
        {
            if (!_kontrak.TryGetValue((tahun, nip), out var k))
            {
                k = new KontrakBaris(tahun, nip);
                _kontrak.Add((tahun, nip), k);
            }

            return k;
        }

        private void BacaTargetDanRealisasi(string name)
        {
            var isTarget = name == "target";
            var sudah = new Dictionary<(int, Nip, string, int), int>();
            foreach (var b in Rows(name))
            {
                var tahun = b.Tahun();
                var nip = Pemilik(b, "nip_pemilik");
                var kode = b.Teks("kode_iku");
                int? triwulan = null;
                if (b.Teks("periode") is { } teksPeriode)
                {
                    if (Periode.TryParseTriwulan(teksPeriode, out var tw))
                    {
                        triwulan = tw;
                    }
                    else
                    {
                        b.Salah("periode", $"'{teksPeriode}' tidak dikenal (pilihan: TW1, TW2, TW3, TW4)");
                    }
                }

                var nilai = b.Angka(isTarget ? "target" : "realisasi");
                var atas = isTarget ? b.Angka("target_atas", wajib: false) : null;

                if (tahun is not { } t || nip is not { } n || kode is null)
                {
                    continue;
                }

                var kontrak = _kontrak.GetValueOrDefault((t, n));
                var baris = kontrak?.Iku.Find(i => string.Equals(i.Kode, kode, StringComparison.OrdinalIgnoreCase));
                if (baris is null || baris.Value.Line == 0)
                {
                    b.Salah("kode_iku", $"IKU {kode} milik {n} tahun {t.ToString(CultureInfo.InvariantCulture)} tidak ada di {Label("iku")}");
                    continue;
                }

                if (triwulan is not { } tw2)
                {
                    continue;
                }

                if (sudah.TryGetValue((t, n, kode.ToUpperInvariant(), tw2), out var lama))
                {
                    b.Salah("periode", $"{(isTarget ? "target" : "realisasi")} IKU {kode} TW{tw2.ToString(CultureInfo.InvariantCulture)} sudah ada di baris {lama.ToString(CultureInfo.InvariantCulture)}");
                    continue;
                }

                sudah.Add((t, n, kode.ToUpperInvariant(), tw2), b.Line);
                if (nilai is not { } v || baris.Value.Iku is not { } iku)
                {
                    continue;
                }

                if (isTarget)
                {
                    if (iku.Polaritas == Polaritas.Stabilize && atas is null)
                    {
                        b.Salah("target_atas", $"IKU {iku.Kode} berpolaritas stab: target_atas (batas atas) wajib diisi");

                        continue;
                    }

                    if (iku.Polaritas != Polaritas.Stabilize && atas is not null)
                    {
                        b.Salah("target_atas", $"IKU {iku.Kode} bukan stab: target_atas harus kosong");
                        continue;
                    }

                    if (atas is { } a && a < v)
                    {
                        b.Salah("target_atas", $"target_atas ({a.ToString(CultureInfo.InvariantCulture)}) lebih kecil dari target ({v.ToString(CultureInfo.InvariantCulture)})");
                        continue;
                    }

                    Domain(b.Label, b.Line, "target", () => iku.TetapkanTarget(tw2, new Target(v, atas)));
                }
                else
                {
                    if (iku.TargetTriwulan(tw2) is null)
                    {
                        Warn(b.Label, b.Line, "periode",
                            $"IKU {iku.Kode} tidak punya target TW{tw2.ToString(CultureInfo.InvariantCulture)} di {Label("target")}; realisasi ini tidak dihitung");
                    }

                    Domain(b.Label, b.Line, "realisasi", () => iku.CatatRealisasi(tw2, v));
                }
            }
        }

        private void BacaPerilaku()
        {
            var sudah = new Dictionary<(int, Nip), int>();
            foreach (var b in Rows("perilaku"))
            {
                var tahun = b.Tahun();
                var nip = Pemilik(b, "nip");
                var nilai = b.Angka("nilai");
                var pengurang = b.Angka("pengurang", wajib: false) ?? 0;
                if (nilai is { } v && v is < 0 or > 100)
                {
                    b.Salah("nilai", $"nilai perilaku harus 0–100, bukan {v.ToString(CultureInfo.InvariantCulture)}");
                    nilai = null;
                }

                if (pengurang < 0)
                {
                    b.Salah("pengurang", $"pengurang tidak boleh negatif ({pengurang.ToString(CultureInfo.InvariantCulture)})");
                    continue;
                }

                if (tahun is not { } t || nip is not { } n)
                {
                    continue;
                }

                if (sudah.TryGetValue((t, n), out var lama))
                {
                    b.Salah("nip", $"nilai perilaku {n} tahun {t.ToString(CultureInfo.InvariantCulture)} sudah ada di baris {lama.ToString(CultureInfo.InvariantCulture)}");
                    continue;
                }

                sudah.Add((t, n), b.Line);
                if (nilai is { } nv)
                {
                    try
                    {
                        _perilaku.Add(new NilaiPerilaku(t, n, nv, pengurang));
                    }
                    catch (DomainException e)
                    {
                        b.Salah("nilai", e.Message);
                    }
                }
            }
        }

        private void BacaSkp()
        {
            foreach (var b in Rows("skp"))
            {
                var tahun = b.Tahun();
                var nip = Pemilik(b, "nip");
                var status = b.Pilihan("status", StatusKode);
                if (tahun is not { } t || nip is not { } n || status is not { } s)
                {
                    continue;
                }

                var kontrak = Kontrak(t, n);
                if (kontrak.Status is not null)
                {
                    b.Salah("nip", $"status SKP {n} tahun {t.ToString(CultureInfo.InvariantCulture)} sudah ada di baris {kontrak.LineSkp.ToString(CultureInfo.InvariantCulture)}");
                    continue;
                }

                kontrak.Status = s;
                kontrak.LineSkp = b.Line;
                if (kontrak.Iku.Count == 0)
                {
                    Warn(b.Label, b.Line, "nip", $"{n} belum punya IKU tahun {t.ToString(CultureInfo.InvariantCulture)} di {Label("iku")}; kontrak kosong berstatus {s.ToString().ToLowerInvariant()} dibuat");
                }
            }
        }

        private void BacaInisiatif(DataKantor data)
        {
            var sudah = new Dictionary<(int, Nip, string), int>();
            foreach (var b in Rows("inisiatif"))
            {
                var tahun = b.Tahun();
                var nip = Pemilik(b, "nip_pemilik");
                var sasaran = b.Teks("sasaran_strategis");
                var nama = b.Teks("nama");
                var progres = b.Angka("progres_persen");
                var tenggat = b.Tanggal("tenggat");
                var keterangan = b.Teks("keterangan", wajib: false);
                if (progres is { } pr && pr is < 0 or > 100)
                {
                    b.Salah("progres_persen", $"progres harus 0–100, bukan {pr.ToString(CultureInfo.InvariantCulture)}");
                    progres = null;
                }

                if (tahun is not { } t || nip is not { } n)
                {
                    continue;
                }

                var tahunTeks = t.ToString(CultureInfo.InvariantCulture);
                if (data.CariPegawai(n) is not { } pemilik || !reader._penilai.PemilikPetaStrategi(pemilik, data))
                {
                    b.Salah("nip_pemilik", $"{n} bukan pemilik peta strategi (kepala unit eselon yang memiliki peta strategi): inisiatif strategis hanya untuk pemilik peta strategi");
                    continue;
                }

                if (!_kontrak.TryGetValue((t, n), out var kontrak) || kontrak.Iku.Count == 0)
                {
                    b.Salah("tahun", $"{n} tidak punya IKU tahun {tahunTeks} di {Label("iku")}: inisiatif strategis harus melekat pada sasaran strategis peta strateginya");
                    continue;
                }

                if (sasaran is not null && !kontrak.Iku.Exists(i => i.Iku is { } iku && string.Equals(iku.SasaranStrategis, sasaran, StringComparison.Ordinal)))
                {
                    var ada = string.Join("; ", kontrak.Iku.Where(i => i.Iku is not null).Select(i => i.Iku!.SasaranStrategis).Distinct(StringComparer.Ordinal));
                    b.Salah("sasaran_strategis", $"sasaran strategis '{sasaran}' tidak ada di peta strategi {n} tahun {tahunTeks} (yang ada: {ada})");
                    continue;
                }

                if (nama is null || sasaran is null || progres is not { } p)
                {
                    continue;
                }

                if (sudah.TryGetValue((t, n, nama.ToUpperInvariant()), out var lama))
                {
                    b.Salah("nama", $"inisiatif strategis '{nama}' {n} tahun {tahunTeks} sudah ada di baris {lama.ToString(CultureInfo.InvariantCulture)}");
                    continue;
                }

                sudah.Add((t, n, nama.ToUpperInvariant()), b.Line);
                try
                {
                    _inisiatif.Add((b.Line, t, n, new InisiatifStrategis(nama, sasaran, p, tenggat, keterangan)));
                }
                catch (DomainException e)
                {
                    b.Salah("*", e.Message);
                }
            }
        }

        private void PeriksaKontrak(DataKantor data)
        {
            foreach (var kontrak in _kontrak.Values)
            {
                if (kontrak.Iku.Count == 0 || data.CariPegawai(kontrak.Nip) is not { } pegawai)
                {
                    continue;
                }

                var pemilikPeta = reader._penilai.PemilikPetaStrategi(pegawai, data);
                var tahun = kontrak.Tahun.ToString(CultureInfo.InvariantCulture);
                var level = data.CariUnit(pegawai.KodeUnit)?.Level ?? LevelUnit.Four;
                var maks = reader.Kebijakan.MaksimalIku(pemilikPeta, level);
                if (kontrak.Iku.Count > maks)
                {
                    var lebih = kontrak.Iku[maks];
                    Warn(Label("iku"), lebih.Line, "kode",
                        $"kontrak {kontrak.Nip} tahun {tahun} punya {kontrak.Iku.Count.ToString(CultureInfo.InvariantCulture)} IKU, lebih dari batas {maks.ToString(CultureInfo.InvariantCulture)} " +
                        (pemilikPeta ? "untuk pemilik peta strategi" : "untuk pegawai yang bukan pemilik peta strategi"));
                }

                // A weight that could not be read was reported already; summing the rest would only add noise.
                if (kontrak.Iku.Exists(i => i.Bobot is null || i.Iku is null))
                {
                    continue;
                }

                var kelompok = pemilikPeta
                    ? kontrak.Iku.GroupBy(i => (i.Iku!.Perspektif, i.Iku.SasaranStrategis)).Select(g => (Nama: $"sasaran strategis '{g.Key.SasaranStrategis}' ", Iku: g.ToList()))
                    : [(Nama: "", Iku: kontrak.Iku)];
                foreach (var (nama, iku) in kelompok)
                {
                    var jumlah = iku.Sum(i => i.Bobot!.Value);
                    if (jumlah != 100)
                    {
                        errors.Add(new ImportIssue(Label("iku"), iku[0].Line, "bobot",
                            $"jumlah bobot IKU {nama}kontrak {kontrak.Nip} tahun {tahun} harus 100, bukan {jumlah.ToString(CultureInfo.InvariantCulture)} " +
                            $"(baris {string.Join(", ", iku.Select(i => i.Line.ToString(CultureInfo.InvariantCulture)))})"));
                    }
                }
            }
        }

        private DataKantor BangunKinerja(DataKantor data)
        {
            foreach (var kontrak in _kontrak.Values)
            {
                var k = new KontrakKinerja(kontrak.Tahun, kontrak.Nip, kontrak.Status ?? StatusSkp.Draft);
                foreach (var (line, _, iku, _) in kontrak.Iku)
                {
                    Domain(Label("iku"), line, "kode", () => k.TambahIku(iku!));
                }

                Domain(Label("iku"), kontrak.Iku.Count > 0 ? kontrak.Iku[0].Line : kontrak.LineSkp, "*", () => data.TambahKontrak(k));
            }

            foreach (var p in _perilaku)
            {
                Domain(Label("perilaku"), 0, "*", () => data.TambahPerilaku(p));
            }

            foreach (var (line, tahun, pemilik, inisiatif) in _inisiatif)
            {
                Domain(Label("inisiatif"), line, "*", () => data.TambahInisiatif(tahun, pemilik, inisiatif));
            }

            return data;
        }
    }
}
