using System.Globalization;
using System.Text;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Penilaian;

namespace Kinerja.Cards;

/// <summary>
/// What "nilai saya" shows: the employee's scores for a quarter (domain values computed by <c>Penilai</c>), the trend
/// of the year, and buttons for the other quarters.
/// </summary>
/// <param name="Hasil">The scores of the quarter shown.</param>
/// <param name="Tren">The scores of TW I up to the quarter shown, in order (<c>Penilai.Tren</c>).</param>
/// <param name="NkoUnit">The NKO of the employee's unit (or the nearest map-owning unit above) for context.</param>
/// <param name="Kebijakan">The policy the scores were computed with: weights and bands shown in "cara menghitung".</param>
/// <param name="TriwulanTersedia">Quarters of the same year that have data: a button for each except the one shown.</param>
/// <param name="DihitungPada">When the scores were computed; shown in <paramref name="Zona"/> when both are given.</param>
/// <param name="Zona">The office's time zone.</param>
public sealed record NilaiSayaModel(
    HasilPegawai Hasil,
    IReadOnlyList<HasilPegawai> Tren,
    HasilNko? NkoUnit,
    KebijakanPenilaian Kebijakan,
    IReadOnlyList<int> TriwulanTersedia,
    DateTimeOffset? DihitungPada = null,
    ZonaWaktu? Zona = null);

public static class NilaiSayaCard
{
    /// <summary>Id of the collapsible "cara menghitung" container (short: ids count towards the 28 KB).</summary>
    public const string IdCaraMenghitung = "cara";

    /// <summary>Id of the big NKP number: what a reader (or a test) looks for first.</summary>
    public const string IdNkp = "nkp";

    private const string Kosong = "—";

    public static AdaptiveCard Render(NilaiSayaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var h = model.Hasil;
        var k = model.Kebijakan;
        var body = new List<CardElement>();
        body.Add(Kepala(h));
        body.Add(Skor(h));
        if (h.CkpDariNko is { } dariNko)
        {
            body.Add(Teks($"Anda pemilik peta strategi {dariNko.Unit.Nama}: CKP Anda = NKO unit" + (dariNko.Nko is { } n
                ? $" (**{Format.Angka(n)}**, {dariNko.Predikat}{(dariNko.Status == StatusNilai.Sementara ? ", sementara" : "")})."
                : ", belum dapat dihitung.")));
        }

        // The unit's NKO for context; an owner's line above already says it.
        if (model.NkoUnit is { } nko && !string.Equals(nko.Unit.Kode, h.CkpDariNko?.Unit.Kode, StringComparison.Ordinal))
        {
            body.Add(Teks($"NKO {nko.Unit.Nama}: " + (nko.Nko is { } v
                ? $"**{Format.Angka(v)}** ({nko.Predikat}){(nko.Status == StatusNilai.Sementara ? ", sementara" : "")}"
                : "belum dapat dihitung")));
        }

        body.AddRange(TabelIku(h, k));
        body.AddRange(Tren(model));
        body.Add(new ActionSet
        {
            Actions = [new ToggleVisibilityAction { Title = "Cara menghitung", TargetElements = [IdCaraMenghitung] }],
        });
        body.Add(new Container { Id = IdCaraMenghitung, IsVisible = false, Items = CaraMenghitung(h, k, model.NkoUnit) });

        var catatan = $"Kebijakan {k.Nama} versi {k.Versi}";
        if (model.DihitungPada is { } waktu && model.Zona is { } zona)
        {
            catatan = $"Dihitung {Format.WaktuLokal(waktu, zona)} · {catatan}";
        }

        body.Add(new TextBlock(catatan) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Separator = true });

        var ringkasan = $"Nilai kinerja {h.Pegawai.Nama} {h.Periode.Label}: " + (h.Nkp is { } nkp
            ? $"NKP {Format.Angka(nkp)} ({h.Predikat}), {StatusTeks(h.Status)}."
            : $"NKP belum dapat dihitung, {StatusTeks(h.Status)}.");
        return new AdaptiveCard
        {
            Body = body,
            Actions = model.TriwulanTersedia
                .Where(tw => tw != h.Periode.Triwulan)
                .Distinct()
                .Order()
                .Select(tw => (CardAction)ExecuteAction.Create(
                    $"Lihat TW {Periode.Romawi(tw)}", new NilaiSayaData(h.Periode.Tahun, tw), $"Lihat nilai TW {Periode.Romawi(tw)} {h.Periode.Tahun.ToString(CultureInfo.InvariantCulture)}"))
                .ToList(),
            FallbackText = ringkasan,
            Speak = ringkasan,
            Lang = "id",
        };
    }

    private static string StatusTeks(StatusNilai status) => status == StatusNilai.Final ? "final" : "sementara";

    private static TextBlock Teks(string text) => new(text) { Wrap = true };

    private static Container Kepala(HasilPegawai h)
    {
        var p = h.Pegawai;
        var items = new List<CardElement>
        {
            new TextBlock($"Nilai Kinerja · {h.Periode.Label}") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock(p.Nama) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Small },
            new TextBlock($"{p.Jabatan} · NIP {p.Nip.Tampilan}") { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
            new TextBlock($"Data s.d. {Format.Tanggal(h.Periode.AkhirTriwulan)}") { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
        };
        if (h.Status == StatusNilai.Final)
        {
            items.Add(new TextBlock("Status: **Final**") { Color = TextColor.Good, Wrap = true });
        }
        else
        {
            items.Add(new TextBlock("Status: **Sementara**, data belum lengkap:") { Color = TextColor.Warning, Wrap = true });
            items.Add(Teks(DaftarKekurangan(h)));
        }

        return new Container { Style = ContainerStyle.Emphasis, Bleed = true, Items = items };
    }

    /// <summary>A markdown list of what keeps the score provisional.</summary>
    private static string DaftarKekurangan(HasilPegawai h)
    {
        var baris = new List<string>();
        foreach (var kurang in h.Kekurangan)
        {
            baris.Add(kurang.Jenis switch
            {
                JenisKekurangan.RealisasiIku =>
                    $"{kurang.KodeIku} {kurang.NamaIku}: realisasi {DaftarTriwulan(kurang.Triwulan)} belum ada",
                JenisKekurangan.NilaiPerilaku => $"Nilai perilaku (NP) tahun {Tahun(h)} belum ada",
                JenisKekurangan.KontrakKinerja => h.PemilikPetaStrategi
                    ? $"Kontrak kinerja unit tahun {Tahun(h)} belum ada"
                    : $"Kontrak kinerja tahun {Tahun(h)} belum ada",
                _ => kurang.Jenis.ToString(),
            });
        }

        if (baris.Count == 0)
        {
            baris.Add("Belum ada IKU yang dapat dinilai pada periode ini");
        }

        return string.Join('\n', baris.Select(b => "- " + b));
    }

    private static string Tahun(HasilPegawai h) => h.Periode.Tahun.ToString(CultureInfo.InvariantCulture);

    private static string DaftarTriwulan(IReadOnlyList<int>? triwulan) =>
        triwulan is null || triwulan.Count == 0 ? "" : string.Join(", ", triwulan.Select(tw => "TW " + Periode.Romawi(tw)));

    private static ColumnSet Skor(HasilPegawai h)
    {
        var kiri = new List<CardElement>
        {
            new TextBlock("NKP") { IsSubtle = true },
            new TextBlock(h.Nkp is { } nkp ? Format.Angka(nkp) : Kosong) { Id = IdNkp, Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Spacing = Spacing.None },
            new TextBlock(h.Predikat ?? "belum dapat dihitung") { Weight = TextWeight.Bolder, Color = TextColor.Accent, Spacing = Spacing.None, Wrap = true },
        };

        var fakta = new List<Fact> { new("CKP", Nilai(h.Ckp)) };
        if (h.PengurangDiterapkan is > 0)
        {
            fakta.Add(new("NP sebelum pengurang", Nilai(h.NpSebelumPengurang)));
            fakta.Add(new("Pengurang NP", "−" + Format.Angka(h.PengurangDiterapkan.Value)));
            fakta.Add(new("NP setelah pengurang", Nilai(h.NpSetelahPengurang)));
        }
        else
        {
            fakta.Add(new("NP", Nilai(h.NpSebelumPengurang)));
            if (h.PengurangDiterapkan is not null)
            {
                fakta.Add(new("Pengurang NP", "tidak ada"));
            }
        }

        fakta.Add(new("NPKP (PP 46/2011)", Nilai(h.Npkp)));
        return new ColumnSet
        {
            Columns =
            [
                new Column { Width = ColumnWidth.Auto, Items = kiri },
                new Column { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center, Items = [new FactSet { Facts = fakta }] },
            ],
        };
    }

    private static string Nilai(decimal? nilai) => nilai is { } v ? Format.Angka(v) : "belum ada";

    private static IEnumerable<CardElement> TabelIku(HasilPegawai h, KebijakanPenilaian k)
    {
        yield return new TextBlock(h.PemilikPetaStrategi ? "Capaian IKU unit" : "Capaian IKU")
        {
            Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium,
        };
        if (h.Iku.Count == 0)
        {
            yield return Teks("Belum ada IKU untuk periode ini.");
            yield break;
        }

        var rows = new List<TableRow>
        {
            new()
            {
                Cells =
                [
                    new(new TextBlock("IKU") { Weight = TextWeight.Bolder }),
                    new(new TextBlock("Target") { Weight = TextWeight.Bolder }),
                    new(new TextBlock("Realisasi") { Weight = TextWeight.Bolder, Wrap = true }),
                    new(new TextBlock("Capaian") { Weight = TextWeight.Bolder }),
                ],
            },
        };
        foreach (var c in h.Iku)
        {
            var iku = c.Iku;
            var satuan = string.IsNullOrWhiteSpace(iku.Satuan) ? "" : iku.Satuan + ", ";
            var nama = new TextBlock($"**{iku.Kode}** {iku.Nama} ({satuan}bobot {Format.AngkaRingkas(iku.Bobot.Nilai)})") { Wrap = true };
            TextBlock capaian = c.Keadaan switch
            {
                KeadaanIku.Dinilai => new TextBlock(Format.Angka(c.IndeksCapaian!.Value)) { Color = Warna(c.Warna), Weight = TextWeight.Bolder },
                KeadaanIku.TanpaTarget => new TextBlock("tanpa target TW ini") { IsSubtle = true, Wrap = true },
                _ => new TextBlock("realisasi belum ada") { IsSubtle = true, Wrap = true },
            };
            rows.Add(new TableRow
            {
                Cells =
                [
                    new(nama),
                    new(new TextBlock(c.Target is { } t ? TeksTarget(t) : Kosong) { Wrap = true }),
                    new(new TextBlock(c.Realisasi is { } r ? Format.Angka(r) : Kosong) { Wrap = true }),
                    new(capaian),
                ],
            });
        }

        yield return new Table
        {
            Columns =
            [
                // "Realisasi" is the longest heading: it gets the room not to break in the middle of the word.
                new TableColumnDefinition { Width = ColumnWidth.Weight(9) },
                new TableColumnDefinition { Width = ColumnWidth.Weight(4), HorizontalCellContentAlignment = HorizontalAlignment.Right },
                new TableColumnDefinition { Width = ColumnWidth.Weight(5), HorizontalCellContentAlignment = HorizontalAlignment.Right },
                new TableColumnDefinition { Width = ColumnWidth.Weight(4), HorizontalCellContentAlignment = HorizontalAlignment.Right },
            ],
            Rows = rows,
            // One grid style for the table instead of a style per row or cell: the card stays small with 20 IKU.
            GridStyle = ContainerStyle.Accent,
        };
        yield return new TextBlock(
            $"Target dan realisasi s.d. {h.Periode.Label}. Capaian: hijau ≥ {Format.AngkaRingkas(k.HijauMinimal)}, " +
            $"kuning ≥ {Format.AngkaRingkas(k.KuningMinimal)}, merah < {Format.AngkaRingkas(k.KuningMinimal)}.")
        {
            IsSubtle = true, Size = TextSize.Small, Wrap = true,
        };
    }

    private static string TeksTarget(Target t) =>
        t.Atas is { } atas ? $"{Format.Angka(t.Nilai)}–{Format.Angka(atas)}" : Format.Angka(t.Nilai);

    private static TextColor Warna(WarnaCapaian? warna) => warna switch
    {
        WarnaCapaian.Hijau => TextColor.Good,
        WarnaCapaian.Kuning => TextColor.Warning,
        WarnaCapaian.Merah => TextColor.Attention,
        _ => TextColor.Default,
    };

    private static IEnumerable<CardElement> Tren(NilaiSayaModel model)
    {
        var tren = model.Tren.Where(t => t.Periode.Tahun == model.Hasil.Periode.Tahun).OrderBy(t => t.Periode).ToList();
        if (tren.Count == 0)
        {
            yield break;
        }

        var k = model.Kebijakan;
        var teks = new FactSet
        {
            Facts = tren.Select(t => new Fact(
                    "TW " + Periode.Romawi(t.Periode.Triwulan),
                    $"NKP {(t.Nkp is { } nkp ? Format.Angka(nkp) : Kosong)} · CKP {(t.Ckp is { } ckp ? Format.Angka(ckp) : Kosong)}"))
                .ToList(),
        };
        yield return new TextBlock($"Tren {Tahun(model.Hasil)}") { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        var nkpSeri = Seri("NKP", tren.Select(t => (t.Periode.Triwulan, t.Nkp)), k);
        var ckpSeri = Seri("CKP", tren.Select(t => (t.Periode.Triwulan, t.Ckp)), k);
        if (Math.Max(nkpSeri.Values.Count, ckpSeri.Values.Count) < 2)
        {
            // A line needs two points: with one quarter the text says it all.
            yield return teks;
            yield break;
        }

        yield return new LineChart
        {
            Title = $"NKP dan CKP per triwulan {Tahun(model.Hasil)}",
            XAxisTitle = "Triwulan",
            YAxisTitle = "Nilai",
            Data = new[] { nkpSeri, ckpSeri }.Where(s => s.Values.Count > 0).ToList(),
            // Teams on iOS and the official renderer do not know Chart.*: the same numbers as text.
            Fallback = teks,
        };
    }

    private static LineChartSeries Seri(string legend, IEnumerable<(int Triwulan, decimal? Nilai)> nilai, KebijakanPenilaian k) => new()
    {
        Legend = legend,
        Values = nilai.Where(n => n.Nilai is not null)
            .Select(n => new LineChartPoint("TW " + Periode.Romawi(n.Triwulan), k.Bulatkan(n.Nilai!.Value)))
            .ToList(),
    };

    /// <summary>
    /// The arithmetic a civil servant can redo by hand with the numbers on the card. Every weight and bound comes from
    /// the policy; the results are the domain's (computed unrounded, shown rounded).
    /// </summary>
    private static List<CardElement> CaraMenghitung(HasilPegawai h, KebijakanPenilaian k, HasilNko? nkoUnit)
    {
        var items = new List<CardElement>();
        void Judul(string teks) => items.Add(new TextBlock(teks) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });

        // 1. Indeks capaian per polarity used.
        var dinilai = h.Iku.Where(c => c.Keadaan == KeadaanIku.Dinilai).ToList();
        Judul("Indeks capaian (IC) tiap IKU");
        var polaritas = h.Iku.Select(c => c.Iku.Polaritas).Distinct().Order().ToList();
        var rumus = new List<string>();
        foreach (var p in polaritas)
        {
            rumus.Add(p switch
            {
                Polaritas.Maximize => "Maximize (makin tinggi makin baik): IC = realisasi ÷ target × 100",
                Polaritas.Minimize => "Minimize (makin rendah makin baik): IC = (2 − realisasi ÷ target) × 100",
                _ => "Stabilize (target berupa rentang): IC = 100 bila realisasi di dalam rentang; di atas rentang " +
                     "(2 − realisasi ÷ batas atas) × 100; di bawah rentang realisasi ÷ batas bawah × 100",
            });
        }

        rumus.Add($"IC dibatasi {Format.AngkaRingkas(k.IcBatasBawah)} s.d. {Format.AngkaRingkas(k.IcBatasAtas)}.");
        items.Add(Teks(string.Join('\n', rumus.Select(r => "- " + r))));

        // 2. CKP.
        Judul("CKP (Capaian Kinerja Pegawai)");
        if (h.CkpDariNko is { } dariNko)
        {
            items.AddRange(CkpPemilik(h, dariNko, k));
        }
        else if (dinilai.Count == 0 || h.Ckp is null)
        {
            items.Add(Teks("CKP belum dapat dihitung: belum ada IKU yang dinilai."));
        }
        else
        {
            var jumlahBobot = dinilai.Sum(c => c.Iku.Bobot.Nilai);
            var suku = string.Join(" + ", dinilai.Select(c => $"{Format.AngkaRingkas(c.Iku.Bobot.Nilai)} × {Format.Angka(c.IndeksCapaian!.Value)}"));
            items.Add(Teks($"CKP = Σ(bobot × IC) ÷ Σ bobot = ({suku}) / {Format.AngkaRingkas(jumlahBobot)} = **{Format.Angka(h.Ckp.Value)}**"));
            if (dinilai.Count < h.Iku.Count)
            {
                items.Add(Teks("IKU tanpa target TW ini atau yang realisasinya belum ada tidak dihitung, dan bobotnya tidak ikut dibagi."));
            }
        }

        // 3. NP.
        if (h.NpSebelumPengurang is { } npAwal)
        {
            Judul("NP (Nilai Perilaku)");
            items.Add(Teks(h.PengurangDiterapkan is > 0
                ? $"NP setelah pengurang = {Format.Angka(npAwal)} − {Format.Angka(h.PengurangDiterapkan.Value)} = **{Nilai(h.NpSetelahPengurang)}** " +
                  $"(pengurang paling banyak {Format.AngkaRingkas(k.PengurangMaksimal)}; hanya berlaku di NKP)."
                : $"NP = **{Format.Angka(npAwal)}**, tanpa pengurang."));
        }

        // 4. NKP and its predikat.
        Judul("NKP (Nilai Kinerja Pegawai)");
        if (h.Nkp is { } nkp && h.Ckp is { } ckp)
        {
            items.Add(Teks(
                $"NKP = CKP × {Persen(k.BobotCkp)} + NP × {Persen(k.BobotNp)} = {Format.Angka(ckp)} × {Persen(k.BobotCkp)} + " +
                $"{Nilai(h.NpSetelahPengurang)} × {Persen(k.BobotNp)} = **{Format.Angka(nkp)}**"));
            if (h.Predikat is { } predikat)
            {
                items.Add(Teks($"Predikat **{predikat}**: NKP {Pita(k.PredikatPegawai, predikat)}."));
            }
        }
        else
        {
            items.Add(Teks($"NKP = CKP × {Persen(k.BobotCkp)} + NP × {Persen(k.BobotNp)}; belum dapat dihitung karena CKP atau NP belum ada."));
        }

        // 5. NPKP (PP 46/2011): NP before the penalties.
        if (h.Npkp is { } npkp && h.Ckp is { } ckp2 && h.NpSebelumPengurang is { } np0)
        {
            Judul("NPKP (PP 46/2011)");
            items.Add(Teks(
                $"NPKP = CKP × {Persen(k.BobotNskpNpkp)} + NP sebelum pengurang × {Persen(k.BobotNpNpkp)} = " +
                $"{Format.Angka(ckp2)} × {Persen(k.BobotNskpNpkp)} + {Format.Angka(np0)} × {Persen(k.BobotNpNpkp)} = **{Format.Angka(npkp)}**"));
        }

        if (nkoUnit is not null && h.CkpDariNko is null && nkoUnit.Nko is not null)
        {
            items.Add(Teks($"NKO {nkoUnit.Unit.Nama} ditampilkan sebagai konteks; tidak masuk ke NKP Anda."));
        }

        items.Add(new TextBlock($"Semua nilai dihitung tanpa pembulatan lalu dibulatkan ke {k.Desimal.ToString(CultureInfo.InvariantCulture)} desimal untuk tampilan; hitung ulang dengan angka di kartu bisa selisih 0,01.")
        {
            IsSubtle = true, Size = TextSize.Small, Wrap = true,
        });
        return items;
    }

    private static IEnumerable<CardElement> CkpPemilik(HasilPegawai h, HasilNko nko, KebijakanPenilaian k)
    {
        yield return Teks($"Sebagai pemilik peta strategi, CKP = NKO {nko.Unit.Nama}.");
        if (nko.Nko is not { } nilai || h.Ckp is not { } ckp)
        {
            yield return Teks("NKO unit belum dapat dihitung.");
            yield break;
        }

        var jumlahBobot = nko.Perspektif.Sum(p => p.Bobot);
        var suku = string.Join(" + ", nko.Perspektif.Select(p => $"{Format.AngkaRingkas(p.Bobot)} × {Format.Angka(p.Nilai)}"));
        var sb = new StringBuilder();
        sb.Append("- Nilai sasaran strategis (NSS) = rata-rata IC tertimbang bobot IKU; nilai perspektif = rata-rata NSS-nya\n");
        foreach (var p in nko.Perspektif)
        {
            sb.Append("- ").Append(p.Perspektif.Nama()).Append(" (bobot ").Append(Format.AngkaRingkas(p.Bobot)).Append("): ")
                .Append(Format.Angka(p.Nilai)).Append('\n');
        }

        sb.Append("- NKO = Σ(bobot × nilai perspektif) ÷ Σ bobot = (").Append(suku).Append(") / ")
            .Append(Format.AngkaRingkas(jumlahBobot)).Append(" = **").Append(Format.Angka(nilai)).Append("**");
        yield return Teks(sb.ToString());
        if (k.Bulatkan(ckp) != k.Bulatkan(nilai))
        {
            yield return Teks($"CKP dibatasi {Format.AngkaRingkas(k.CkpBatasBawah)} s.d. {Format.AngkaRingkas(k.CkpBatasAtas)}: CKP = **{Format.Angka(ckp)}**.");
        }
    }

    private static string Persen(decimal bobot) => Format.AngkaRingkas(bobot) + "%";

    /// <summary>Describes the band of a predikat from the policy: "&gt; 90", "≥ 110", "≤ 50".</summary>
    private static string Pita(PitaPredikat pita, string predikat)
    {
        var lebih = pita.Perbandingan == Perbandingan.LebihDari;
        for (var i = 0; i < pita.Pita.Count; i++)
        {
            var (nama, batas) = pita.Pita[i];
            if (string.Equals(nama, predikat, StringComparison.Ordinal))
            {
                var bawah = (lebih ? "> " : "≥ ") + Format.AngkaRingkas(batas);
                return i == 0 ? bawah : $"{bawah} dan {(lebih ? "≤ " : "< ")}{Format.AngkaRingkas(pita.Pita[i - 1].Batas)}";
            }
        }

        return pita.Pita.Count == 0 ? "" : (lebih ? "≤ " : "< ") + Format.AngkaRingkas(pita.Pita[^1].Batas);
    }
}
