using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kontrak;

namespace KinerjaBot.Dialog;

/// <summary>
/// The minutes of a dialog as a Word document (DocumentFormat.OpenXml 3.3.0) an office can file as evidence: title,
/// when (the dialog's office date and time with its own zone, WIB/WITA/WIT), the data period, participants, the agenda
/// with each item's reason and minutes, and the follow-ups (PIC, due date, state). Dates in id-ID
/// (<c>27 November 2026</c>), numbers as the agenda wrote them. The package is schema-valid (the tests run the SDK's
/// <c>OpenXmlValidator</c>): tables with their grid and properties in schema order, a styles part whose defaults set the
/// language to <c>id-ID</c> (Word's proofing), A4 pages.
/// </summary>
public static class NotulaDocx
{
    /// <summary>A4 width minus two 2 cm margins, in twentieths of a point.</summary>
    private const int LebarIsi = 11906 - (2 * MarginTepi);
    private const int MarginTepi = 1134;

    public static byte[] Tulis(DialogKinerja dialog, string judul, string namaKantor, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = $"Notula {judul}";
            doc.PackageProperties.Creator = "KinerjaBot";
            doc.PackageProperties.Language = "id-ID";
            var main = doc.AddMainDocumentPart();
            var gaya = main.AddNewPart<StyleDefinitionsPart>();
            gaya.Styles = Gaya();
            gaya.Styles.Save();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraf("NOTULA DIALOG KINERJA", tebal: true, ukuran: 28));
            body.Append(Paragraf(judul, tebal: true, ukuran: 24));
            body.Append(Paragraf(namaKantor));
            body.Append(Paragraf(""));
            body.Append(Tabel(
            [
                ["Jenis", dialog.Jenis == JenisDialog.Dki ? "Dialog Kinerja Individu (DKI)" : "Dialog Kinerja Organisasi (DKO)"],
                ["Waktu", $"{TanggalIndonesia.Format(dialog.Pada.TanggalLokal)} pukul {dialog.JamDenganZona}"],
                ["Data", $"s.d. {dialog.Periode.Label}"],
                ["Dicatat oleh", dialog.DicatatOleh.Nama],
            ], [1, 3], kepala: false));

            body.Append(Paragraf("Peserta", tebal: true, ukuran: 24));
            body.Append(Tabel(
            [
                ["No", "Nama", "NIP"],
                .. dialog.Peserta.Select((p, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), p.Nama, p.Nip.Tampilan }),
            ], [1, 7, 5], kepala: true));

            body.Append(Paragraf("Agenda dan notula", tebal: true, ukuran: 24));
            for (var i = 0; i < dialog.Agenda.Count; i++)
            {
                var b = dialog.Agenda[i];
                body.Append(Paragraf($"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {b.Item.Judul}", tebal: true));
                body.Append(Paragraf($"Alasan: {b.Item.Alasan}", miring: true));
                if (b.Item.Rincian is { } r)
                {
                    body.Append(Paragraf(r, miring: true));
                }

                body.Append(Paragraf($"Notula: {b.Notula}"));
            }

            body.Append(Paragraf("Tindak lanjut", tebal: true, ukuran: 24));
            if (dialog.TindakLanjut.Count == 0)
            {
                body.Append(Paragraf("Tidak ada tindak lanjut."));
            }
            else
            {
                body.Append(Tabel(
                [
                    ["No", "Tindak lanjut", "PIC", "Tenggat", "Status"],
                    .. dialog.TindakLanjut.Select((t, i) => new[]
                    {
                        (i + 1).ToString(CultureInfo.InvariantCulture), t.Uraian, t.Pic.Nama, TanggalIndonesia.Format(t.Tenggat), Status(t, hariIni),
                    }),
                ], [1, 8, 5, 4, 5], kepala: true));
            }

            body.Append(Paragraf(""));
            body.Append(Paragraf($"Dicetak dari KinerjaBot pada {TanggalIndonesia.Format(hariIni)}.", miring: true));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = MarginTepi, Right = MarginTepi, Bottom = MarginTepi, Left = MarginTepi, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document.Save();
        }

        return ms.ToArray();
    }

    private static string Status(TindakLanjut t, DateOnly hariIni) => t.Status switch
    {
        StatusTindakLanjut.Selesai => $"Selesai: {t.Catatan}",
        StatusTindakLanjut.Dibatalkan => $"Dibatalkan: {t.Catatan}",
        _ when t.Terlambat(hariIni) => "Terbuka, terlambat",
        _ => "Terbuka",
    };

    private static Paragraph Paragraf(string teks, bool tebal = false, bool miring = false, int? ukuran = null)
    {
        var props = new RunProperties();
        if (tebal)
        {
            props.Append(new Bold());
        }

        if (miring)
        {
            props.Append(new Italic());
        }

        if (ukuran is { } u)
        {
            props.Append(new FontSize { Val = u.ToString(CultureInfo.InvariantCulture) });
        }

        return new Paragraph(new Run(props, new Text(teks) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>
    /// The document's styles: defaults (Calibri 11 pt, language id-ID) and the Normal paragraph style. Word checks
    /// spelling in the language the defaults name.
    /// </summary>
    private static Styles Gaya() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "id-ID", EastAsia = "id-ID", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "259", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    /// <summary>A table across the text width, columns in the proportions <paramref name="lebar"/>, thin borders everywhere.</summary>
    private static Table Tabel(IEnumerable<string[]> baris, int[] lebar, bool kepala)
    {
        // Schema order: tblBorders is top, left, bottom, right, insideH, insideV; tblPr has tblW before tblBorders; then tblGrid, then rows.
        var garis = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var jumlah = lebar.Sum();
        var kolom = lebar.Select(l => LebarIsi * l / jumlah).ToArray();
        var tabel = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, garis, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(kolom.Select(k => new GridColumn { Width = k.ToString(CultureInfo.InvariantCulture) })));
        var pertama = true;
        foreach (var b in baris)
        {
            if (b.Length != kolom.Length)
            {
                throw new ArgumentException("Every row has one cell per column", nameof(baris));
            }

            var row = new TableRow();
            if (kepala && pertama)
            {
                row.Append(new TableRowProperties(new TableHeader()));
            }

            for (var i = 0; i < b.Length; i++)
            {
                row.Append(new TableCell(
                    new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = kolom[i].ToString(CultureInfo.InvariantCulture) }),
                    Paragraf(b[i], tebal: kepala && pertama)));
            }

            tabel.Append(row);
            pertama = false;
        }

        return tabel;
    }
}
