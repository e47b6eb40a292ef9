using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Benchmarks.Data;

/// <summary>The size of a synthetic ministry. <see cref="Kemenkeu"/> is the benchmark's size.</summary>
public sealed record UkuranKementerian(int JumlahPegawai, int JumlahUnit, int Seed, int Tahun)
{
    /// <summary>80,000 employees in 2,500 units, year 2026.</summary>
    public static UkuranKementerian Kemenkeu { get; } = new(80_000, 2_500, 467, 2026);
}

/// <summary>What the generator made, counted while making it.</summary>
public sealed class StatistikKementerian
{
    private readonly int[] _unitPerLevel = new int[5];
    private readonly int[] _polaritas = new int[3];
    private readonly int[] _konsolidasi = new int[3];

    public int Unit { get; internal set; }

    public int Pegawai { get; internal set; }

    /// <summary>Heads of level One–Three units: strategy-map owners.</summary>
    public int PemilikPeta { get; internal set; }

    public int KepalaLevelEmpat { get; internal set; }

    public int Pelaksana { get; internal set; }

    public int Kontrak { get; internal set; }

    public int Iku { get; internal set; }

    public int IkuPemilikPeta { get; internal set; }

    public int IkuSemester { get; internal set; }

    public int SasaranStrategis { get; internal set; }

    /// <summary>Rows of target.csv: one per IKU and quarter that has a target (TW1–TW4).</summary>
    public int BarisTarget { get; internal set; }

    /// <summary>IKU-quarters up to TW III that have a target: what the recap for TW III looks at.</summary>
    public int IkuTriwulanSampaiTw3 { get; internal set; }

    /// <summary>Rows of realisasi.csv: realisations reported for TW1–TW3.</summary>
    public int BarisRealisasi { get; internal set; }

    /// <summary>IKU-quarters up to TW III with a target but no realisation (~1 %).</summary>
    public int RealisasiHilang { get; internal set; }

    /// <summary>Employees with a behaviour score (NP).</summary>
    public int Perilaku { get; internal set; }

    public int UnitLevel(LevelUnit level) => _unitPerLevel[(int)level];

    public int JumlahPolaritas(Polaritas p) => _polaritas[(int)p];

    public int JumlahKonsolidasi(JenisKonsolidasi k) => _konsolidasi[(int)k];

    internal void TambahUnit(LevelUnit level) => _unitPerLevel[(int)level]++;

    internal void TambahIku(Polaritas p, JenisKonsolidasi k)
    {
        Iku++;
        _polaritas[(int)p]++;
        _konsolidasi[(int)k]++;
    }

    /// <summary>One block of text lines, for the smoke run and docs/benchmarks.md.</summary>
    public IEnumerable<string> Baris()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Format(c, "units            {0:N0} (One {1:N0}, Two {2:N0}, Three {3:N0}, Four {4:N0})",
            Unit, UnitLevel(LevelUnit.One), UnitLevel(LevelUnit.Two), UnitLevel(LevelUnit.Three), UnitLevel(LevelUnit.Four));
        yield return string.Format(c, "employees        {0:N0} (map owners {1:N0}, level-Four heads {2:N0}, pelaksana {3:N0})",
            Pegawai, PemilikPeta, KepalaLevelEmpat, Pelaksana);
        yield return string.Format(c, "contracts        {0:N0}", Kontrak);
        yield return string.Format(c, "IKU              {0:N0} (map owners {1:N0} in {2:N0} sasaran strategis; semester IKU {3:N0})",
            Iku, IkuPemilikPeta, SasaranStrategis, IkuSemester);
        yield return string.Format(c, "  polarity       max {0:N0}, min {1:N0}, stab {2:N0}",
            JumlahPolaritas(Polaritas.Maximize), JumlahPolaritas(Polaritas.Minimize), JumlahPolaritas(Polaritas.Stabilize));
        yield return string.Format(c, "  consolidation  sum {0:N0}, average {1:N0}, tlkv {2:N0}",
            JumlahKonsolidasi(JenisKonsolidasi.Sum), JumlahKonsolidasi(JenisKonsolidasi.Average),
            JumlahKonsolidasi(JenisKonsolidasi.TakeLastKnownValue));
        yield return string.Format(c, "target rows      {0:N0} (IKU-quarters TW1–TW4 with a target)", BarisTarget);
        yield return string.Format(c, "IKU-quarters     {0:N0} (with a target, TW1–TW3)", IkuTriwulanSampaiTw3);
        yield return string.Format(c, "realisasi rows   {0:N0} (TW1–TW3; {1:N0} missing = {2:0.00} %)",
            BarisRealisasi, RealisasiHilang, IkuTriwulanSampaiTw3 == 0 ? 0 : 100.0 * RealisasiHilang / IkuTriwulanSampaiTw3);
        yield return string.Format(c, "behaviour scores {0:N0} ({1:0.00} % of employees)", Perilaku, Pegawai == 0 ? 0 : 100.0 * Perilaku / Pegawai);
    }
}

/// <summary>
/// A deterministic synthetic ministry, built only through the domain's public API. The same
/// <see cref="UkuranKementerian"/> always gives the same data: the randomness is <see cref="Random"/> with a seed
/// (its seeded algorithm is fixed across .NET versions) and every value is computed in integers or decimals, never
/// from floating-point functions.
/// <para>
/// Shape: a tree of units — one root (the ministry) and Eselon I units at level One, then Two (directorates,
/// Kanwil), Three (KPPN, bagian) and Four (seksi). Every unit has a head; heads of One–Three own a strategy map of
/// 10–14 IKU over the four perspectives and 5–9 sasaran strategis (IKU weights sum to 100 inside each SS). Everyone
/// else has 2–5 IKU whose weights sum to 100. Polarity max 70 % / min 20 % / stab 10 %; consolidation sum, average
/// and tlkv mixed; 10 % of IKU are semester IKU (targets TW2 and TW4 only). Targets for TW1–TW4, realisations for
/// TW1–TW3 with 1 % missing, behaviour scores for 99.5 % of employees.
/// </para>
/// </summary>
public static class KementerianSintetis
{
    public static (DataKantor Data, StatistikKementerian Statistik) Buat(UkuranKementerian ukuran)
    {
        ArgumentNullException.ThrowIfNull(ukuran);
        return new Pembangun(ukuran).Bangun();
    }

    private sealed class Pembangun(UkuranKementerian ukuran)
    {
        private static readonly string[] NamaDepan =
        [
            "Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lestari",
            "Made", "Nur", "Oktavia", "Putu", "Rahmat", "Sari", "Teguh", "Utami", "Wahyu", "Yuni",
        ];

        private static readonly string[] NamaBelakang =
        [
            "Santoso", "Wijaya", "Lubis", "Siregar", "Nasution", "Hidayat", "Saputra", "Kurniawan", "Pratama", "Harahap",
            "Simanjuntak", "Wibowo", "Setiawan", "Rahayu", "Purba", "Manurung",
        ];

        private static readonly string[] NamaSs =
        [
            "Pengelolaan kas negara yang optimal", "Layanan perbendaharaan yang andal", "Pelaksanaan anggaran yang berkualitas",
            "Akuntabilitas pelaporan keuangan", "Proses bisnis yang efektif", "SDM yang kompeten", "Organisasi yang adaptif",
            "Sistem informasi yang terintegrasi", "Kepuasan pengguna layanan", "Pengelolaan risiko yang baik",
        ];

        private static readonly Perspektif[] SemuaPerspektif =
            [Perspektif.Stakeholder, Perspektif.Pelanggan, Perspektif.ProsesBisnisInternal, Perspektif.PembelajaranDanPertumbuhan];

        private readonly Random _rnd = new(ukuran.Seed);
        private readonly DataKantor _data = new();
        private readonly StatistikKementerian _stat = new();
        private readonly HashSet<string> _nipDipakai = new(StringComparer.Ordinal);
        private int _nomorPegawai;

        public (DataKantor, StatistikKementerian) Bangun()
        {
            var n = ukuran.JumlahUnit;
            if (n < 4 || ukuran.JumlahPegawai < n)
            {
                throw new ArgumentException("Perlu paling sedikit 4 unit dan satu pegawai per unit", nameof(ukuran));
            }

            // Level sizes in the proportions of the 2,500-unit ministry: 12 / 120 / 450 / rest.
            var nOne = Math.Max(1, n * 12 / 2500);
            var nTwo = Math.Max(1, n * 120 / 2500);
            var nThree = Math.Max(1, n * 450 / 2500);
            var nFour = n - nOne - nTwo - nThree;

            var units = new List<(Unit Unit, int Induk)>(n);
            var one = BuatLevel(units, LevelUnit.One, nOne, [], "E1");
            var two = BuatLevel(units, LevelUnit.Two, nTwo, one.Count > 1 ? one[1..] : one, "E2");
            var three = BuatLevel(units, LevelUnit.Three, nThree, two, "E3");
            BuatLevel(units, LevelUnit.Four, nFour, three, "E4");

            // Pelaksana: 85 % in level-Four sections, 10 % in level Three, 5 % in level Two (staff of directorates).
            var pelaksanaPerUnit = new int[units.Count];
            var awalLevel = new[] { 0, 0, nOne, nOne + nTwo, nOne + nTwo + nThree, n };
            for (var i = 0; i < ukuran.JumlahPegawai - n; i++)
            {
                var r = _rnd.Next(100);
                var level = nFour > 0 && r < 85 ? 4 : r < 95 ? 3 : 2;
                pelaksanaPerUnit[_rnd.Next(awalLevel[level], awalLevel[level + 1])]++;
            }

            // Employees in data order: unit by unit (parents before children), the head first.
            var kepala = new Nip[units.Count];
            for (var i = 0; i < units.Count; i++)
            {
                var (unit, induk) = units[i];
                Nip? atasan = induk < 0 ? null : kepala[induk];
                kepala[i] = BuatPegawai(unit, atasan, kepalaUnit: true);
                for (var j = 0; j < pelaksanaPerUnit[i]; j++)
                {
                    BuatPegawai(unit, kepala[i], kepalaUnit: false);
                }
            }

            return (_data, _stat);
        }

        private List<int> BuatLevel(List<(Unit, int)> units, LevelUnit level, int jumlah, List<int> induk, string awalan)
        {
            var hasil = new List<int>(jumlah);
            var c = CultureInfo.InvariantCulture;
            for (var i = 0; i < jumlah; i++)
            {
                // The first parents each get one child so none is left empty; the rest are spread at random.
                var idxInduk = induk.Count == 0 ? -1 : i < induk.Count ? induk[i] : induk[_rnd.Next(induk.Count)];
                var kodeInduk = idxInduk < 0 ? null : units[idxInduk].Item1.Kode;
                if (level == LevelUnit.One && i > 0)
                {
                    (idxInduk, kodeInduk) = (0, units[0].Item1.Kode);
                }

                var zona = idxInduk >= 0 && level >= LevelUnit.Three
                    ? units[idxInduk].Item1.ZonaWaktu
                    : _rnd.Next(10) switch { < 7 => ZonaWaktu.Wib, < 9 => ZonaWaktu.Wita, _ => ZonaWaktu.Wit };
                var nomor = (i + 1).ToString(c);
                var (kode, nama) = level switch
                {
                    LevelUnit.One when i == 0 => ("KEMENKEU", "Kementerian Keuangan"),
                    LevelUnit.One => ($"{awalan}-{nomor}", $"Unit Eselon I {nomor}"),
                    LevelUnit.Two => ($"{awalan}-{nomor}", i % 3 == 0 ? $"Direktorat {nomor}" : $"Kanwil {nomor}"),
                    LevelUnit.Three => ($"{awalan}-{nomor}", i % 4 == 0 ? $"Bagian {nomor}" : $"KPPN {nomor}"),
                    _ => ($"{awalan}-{nomor}", $"Seksi {nomor}"),
                };
                var unit = new Unit(kode, nama, kodeInduk, level, zona);
                _data.TambahUnit(unit);
                _stat.Unit++;
                _stat.TambahUnit(level);
                hasil.Add(units.Count);
                units.Add((unit, idxInduk));
            }

            return hasil;
        }

        private Nip BuatPegawai(Unit unit, Nip? atasan, bool kepalaUnit)
        {
            var nip = NipBaru();
            var no = ++_nomorPegawai;
            var c = CultureInfo.InvariantCulture;
            var nama = $"{NamaDepan[_rnd.Next(NamaDepan.Length)]} {NamaBelakang[_rnd.Next(NamaBelakang.Length)]}";
            var jabatan = !kepalaUnit ? (_rnd.Next(5) == 0 ? "Fungsional" : "Pelaksana") : unit.Level switch
            {
                LevelUnit.One => unit.KodeInduk is null ? "Menteri" : "Pimpinan Unit Eselon I",
                LevelUnit.Two => "Pimpinan Unit Eselon II",
                LevelUnit.Three => "Pimpinan Unit Eselon III",
                _ => "Kepala Seksi",
            };
            var pegawai = new Pegawai(nip, nama, $"pegawai{no.ToString("000000", c)}@kemenkeu.go.id", jabatan, unit.Kode, atasan, kepalaUnit);
            _data.TambahPegawai(pegawai);
            _stat.Pegawai++;

            var kontrak = new KontrakKinerja(ukuran.Tahun, nip, StatusSkp.Disetujui);
            var pemilikPeta = kepalaUnit && unit.Level != LevelUnit.Four;
            if (pemilikPeta)
            {
                _stat.PemilikPeta++;
                BuatPetaStrategi(kontrak);
            }
            else
            {
                if (kepalaUnit)
                {
                    _stat.KepalaLevelEmpat++;
                }
                else
                {
                    _stat.Pelaksana++;
                }

                BuatIkuIndividu(kontrak);
            }

            _data.TambahKontrak(kontrak);
            _stat.Kontrak++;

            // Behaviour scores for 99.5 % of employees; penalties mostly none, a few above the policy's cap.
            if (_rnd.Next(1000) < 995)
            {
                var nilai = 70m + (_rnd.Next(0, 2501) / 100m);
                var pengurang = _rnd.Next(1000) switch { < 900 => 0m, < 950 => 2m, < 980 => 5m, < 995 => 7m, _ => 12m };
                _data.TambahPerilaku(new NilaiPerilaku(ukuran.Tahun, nip, nilai, pengurang));
                _stat.Perilaku++;
            }

            return nip;
        }

        /// <summary>A valid, unique NIP: birth date, TMT CPNS at 20–30, sex digit, sequence (domain.md §10).</summary>
        private Nip NipBaru()
        {
            var c = CultureInfo.InvariantCulture;
            while (true)
            {
                var tahunLahir = _rnd.Next(1965, 2002);
                var lahir = new DateOnly(tahunLahir, _rnd.Next(1, 13), _rnd.Next(1, 29));
                var tmt = Math.Min(2025, tahunLahir + _rnd.Next(20, 31));
                var teks = string.Concat(
                    lahir.ToString("yyyyMMdd", c),
                    tmt.ToString("0000", c),
                    _rnd.Next(1, 13).ToString("00", c),
                    _rnd.Next(1, 3).ToString(c),
                    _rnd.Next(1, 1000).ToString("000", c));
                if (_nipDipakai.Add(teks))
                {
                    return Nip.Parse(teks);
                }
            }
        }

        /// <summary>A strategy-map owner: 10–14 IKU over 5–9 sasaran strategis in the four perspectives.</summary>
        private void BuatPetaStrategi(KontrakKinerja kontrak)
        {
            var ss = new List<(Perspektif Perspektif, string Nama)>();
            foreach (var p in SemuaPerspektif)
            {
                var jumlah = p == Perspektif.ProsesBisnisInternal ? _rnd.Next(2, 4) : _rnd.Next(1, 3);
                for (var i = 0; i < jumlah; i++)
                {
                    ss.Add((p, $"SS{(ss.Count + 1).ToString(CultureInfo.InvariantCulture)} {NamaSs[_rnd.Next(NamaSs.Length)]}"));
                }
            }

            // Every SS gets one IKU, the rest go at random to SS with fewer than 3.
            var ikuPerSs = new int[ss.Count];
            Array.Fill(ikuPerSs, 1);
            var sisa = _rnd.Next(10, 15) - ss.Count;
            while (sisa > 0)
            {
                var i = _rnd.Next(ss.Count);
                if (ikuPerSs[i] < 3)
                {
                    ikuPerSs[i]++;
                    sisa--;
                }
            }

            var nomor = 0;
            for (var i = 0; i < ss.Count; i++)
            {
                var bobot = BobotBerjumlah100(ikuPerSs[i]);
                foreach (var b in bobot)
                {
                    nomor++;
                    TambahIku(kontrak, $"IKU-{nomor.ToString("00", CultureInfo.InvariantCulture)}", ss[i].Perspektif, ss[i].Nama, b);
                    _stat.IkuPemilikPeta++;
                }
            }

            _stat.SasaranStrategis += ss.Count;
        }

        /// <summary>Everyone else: 2–5 IKU (mostly 2–3) whose weights sum to 100.</summary>
        private void BuatIkuIndividu(KontrakKinerja kontrak)
        {
            var jumlah = _rnd.Next(100) switch { < 50 => 2, < 80 => 3, < 92 => 4, _ => 5 };
            var bobot = BobotBerjumlah100(jumlah);
            for (var i = 0; i < jumlah; i++)
            {
                var p = _rnd.Next(100) switch
                {
                    < 15 => Perspektif.Stakeholder,
                    < 40 => Perspektif.Pelanggan,
                    < 85 => Perspektif.ProsesBisnisInternal,
                    _ => Perspektif.PembelajaranDanPertumbuhan,
                };
                TambahIku(kontrak, $"IKI-{(i + 1).ToString(CultureInfo.InvariantCulture)}", p, NamaSs[_rnd.Next(NamaSs.Length)], bobot[i]);
            }
        }

        /// <summary>Integer weights, multiples of 5, each at least 10, summing to exactly 100.</summary>
        private int[] BobotBerjumlah100(int jumlah)
        {
            var bobot = new int[jumlah];
            Array.Fill(bobot, 10);
            for (var sisa = (100 - (10 * jumlah)) / 5; sisa > 0; sisa--)
            {
                bobot[_rnd.Next(jumlah)] += 5;
            }

            return bobot;
        }

        private void TambahIku(KontrakKinerja kontrak, string kode, Perspektif perspektif, string ss, int bobot)
        {
            var polaritas = _rnd.Next(100) switch { < 70 => Polaritas.Maximize, < 90 => Polaritas.Minimize, _ => Polaritas.Stabilize };
            var konsolidasi = polaritas == Polaritas.Stabilize
                ? (_rnd.Next(2) == 0 ? JenisKonsolidasi.Average : JenisKonsolidasi.TakeLastKnownValue)
                : _rnd.Next(100) switch { < 25 => JenisKonsolidasi.Sum, < 60 => JenisKonsolidasi.Average, _ => JenisKonsolidasi.TakeLastKnownValue };
            var semester = _rnd.Next(10) == 0;

            // Per-quarter target, a realisation factor range (in hundredths) and the rounding of values.
            decimal dasar;
            decimal langkah = 0;
            string satuan;
            int desimal;
            (int Min, int Max) faktor;
            string nama;
            switch (polaritas, konsolidasi)
            {
                case (Polaritas.Maximize, JenisKonsolidasi.Sum):
                    (dasar, satuan, desimal, faktor, nama) = (_rnd.Next(5, 51), "dokumen", 0, (85, 126), "Jumlah dokumen yang diselesaikan");
                    break;
                case (Polaritas.Maximize, _) when _rnd.Next(5) == 0:
                    (dasar, satuan, desimal, faktor, nama) = (3m + (_rnd.Next(0, 21) * 0.05m), "indeks", 2, (90, 121), "Indeks kepuasan pengguna layanan");
                    break;
                case (Polaritas.Maximize, _):
                    (dasar, satuan, desimal, faktor, nama) = (_rnd.Next(70, 96), "%", 2, (88, 119), "Persentase penyelesaian layanan tepat waktu");
                    langkah = _rnd.Next(0, 4);
                    break;
                case (Polaritas.Minimize, JenisKonsolidasi.Sum):
                    (dasar, satuan, desimal, faktor, nama) = (_rnd.Next(30) == 0 ? 0 : _rnd.Next(2, 11), "hari", 0, (70, 116), "Jumlah hari keterlambatan laporan");
                    break;
                case (Polaritas.Minimize, _):
                    (dasar, satuan, desimal, faktor, nama) = (_rnd.Next(30, 91), "menit", 2, (75, 116), "Rata-rata waktu penyelesaian SP2D");
                    break;
                default:
                    (dasar, satuan, desimal, faktor, nama) = (_rnd.Next(95, 101), "%", 2, (90, 111), "Deviasi halaman III DIPA");
                    break;
            }

            var iku = new Iku(kode, $"{nama} ({kode})", perspektif, ss, new Bobot(bobot), polaritas, konsolidasi, satuan);
            _stat.TambahIku(polaritas, konsolidasi);
            if (semester)
            {
                _stat.IkuSemester++;
            }

            for (var tw = 1; tw <= 4; tw++)
            {
                if (semester && tw % 2 == 1)
                {
                    continue;
                }

                // Sum IKU of a semester carry two quarters' worth; percentages may rise along the year.
                var t = Math.Min(dasar + (langkah * (tw - 1)), satuan == "%" && polaritas == Polaritas.Maximize ? 100m : decimal.MaxValue);
                if (semester && konsolidasi == JenisKonsolidasi.Sum)
                {
                    t *= 2;
                }

                Target target;
                if (polaritas == Polaritas.Stabilize)
                {
                    var lebar = _rnd.Next(3, 6);
                    target = new Target(t - lebar, t + lebar);
                }
                else
                {
                    target = new Target(t);
                }

                iku.TetapkanTarget(tw, target);
                _stat.BarisTarget++;
                if (tw > 3)
                {
                    continue;
                }

                _stat.IkuTriwulanSampaiTw3++;
                if (_rnd.Next(100) == 0)
                {
                    _stat.RealisasiHilang++;
                    continue;
                }

                decimal realisasi;
                if (t == 0)
                {
                    // Minimize with target 0 (e.g. findings): mostly 0, sometimes one.
                    realisasi = _rnd.Next(5) == 0 ? 1 : 0;
                }
                else
                {
                    realisasi = Math.Round(t * _rnd.Next(faktor.Min, faktor.Max) / 100m, desimal, MidpointRounding.AwayFromZero);
                }

                iku.CatatRealisasi(tw, realisasi);
                _stat.BarisRealisasi++;
            }

            kontrak.TambahIku(iku);
        }
    }
}
