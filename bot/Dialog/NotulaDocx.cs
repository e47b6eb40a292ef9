using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace KinerjaBot.Dialog;

/// <summary>
/// The minutes of a dialog as a Word document (DocumentFormat.OpenXml 3.3.0) an office can file as evidence: title,
/// when (office date and time with WIB/WITA/WIT), the data period, participants, the agenda with each item's reason and
/// minutes, and the follow-ups (PIC, due date, state). Dates in id-ID (<c>27 November 2026</c>), numbers as the
/// agenda wrote them.
/// </summary>
public static class NotulaDocx
{
    public static byte[] Tulis(DialogKinerja dialog, string judul, string namaKantor, ZonaWaktu zona, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(zona);
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Paragraf("NOTULA DIALOG KINERJA", tebal: true, ukuran: 28));
            body.Append(Paragraf(judul, tebal: true, ukuran: 24));
            body.Append(Paragraf(namaKantor));
            body.Append(Paragraf(""));
            var jam = dialog.JamLokal.ToString("HH'.'mm", CultureInfo.InvariantCulture);
            body.Append(Tabel(
            [
                ["Jenis", dialog.Jenis == JenisDialog.Dki ? "Dialog Kinerja Individu (DKI)" : "Dialog Kinerja Organisasi (DKO)"],
                ["Waktu", $"{TanggalIndonesia.Format(dialog.Pada.TanggalLokal)} pukul {jam} {zona.Singkatan}"],
                ["Data", $"s.d. {dialog.Periode.Label}"],
                ["Dicatat oleh", dialog.DicatatOleh.Nama],
            ], kepala: false));

            body.Append(Paragraf("Peserta", tebal: true, ukuran: 24));
            body.Append(Tabel(
            [
                ["No", "Nama", "NIP"],
                .. dialog.Peserta.Select((p, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), p.Nama, p.Nip.Tampilan }),
            ], kepala: true));

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
                ], kepala: true));
            }

            body.Append(Paragraf(""));
            body.Append(Paragraf($"Dicetak dari KinerjaBot pada {TanggalIndonesia.Format(hariIni)}.", miring: true));
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

    private static Table Tabel(IEnumerable<string[]> baris, bool kepala)
    {
        var garis = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var tabel = new Table(new TableProperties(garis, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var pertama = true;
        foreach (var b in baris)
        {
            var row = new TableRow();
            foreach (var sel in b)
            {
                row.Append(new TableCell(Paragraf(sel, tebal: kepala && pertama)));
            }

            tabel.Append(row);
            pertama = false;
        }

        return tabel;
    }
}
