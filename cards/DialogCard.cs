using System.Globalization;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Cards;

/// <summary>A due dialog with its generated agenda and a title (<c>DKI dengan Lestari Handayani</c>, <c>DKO KPPN Metro</c>).</summary>
public sealed record DialogMendatangItem(DialogMendatang Jadwal, string Judul, AgendaDialog Agenda);

/// <summary>A recorded dialog in a list: id, series, title, office date and time, open follow-ups.</summary>
public sealed record DialogRingkas(string Id, string Seri, string Judul, DateOnly Tanggal, string Jam, int TindakLanjutTerbuka);

/// <summary>
/// "dialog": for a leader the due dialogs (each with its agenda) and the compliance line; for everyone the last
/// dialogs they took part in and their open follow-ups (where they are PIC: the first
/// <see cref="DialogCard.TindakLanjutMaksimal"/>, overdue first, each with its due date and state).
/// </summary>
public sealed record DialogModel(
    string Nama,
    IReadOnlyList<DialogMendatangItem> Mendatang,
    IReadOnlyList<DialogRingkas> Terakhir,
    IReadOnlyList<TindakLanjutItem> TindakLanjutSaya,
    KepatuhanPemimpin? Kepatuhan,
    DateOnly HariIni,
    string? Pesan = null)
{
    /// <summary>The policy's DKI compliance window in months (<c>KebijakanDialog.DkiBatasKepatuhanBulan</c>).</summary>
    public int BulanKepatuhan { get; init; } = 3;
}

/// <summary>The "dialog" card.</summary>
public static class DialogCard
{
    /// <summary>Agenda items shown per due dialog in the list; the record card shows them all.</summary>
    public const int ItemPerDialog = 4;

    public const int TerakhirMaksimal = 5;

    /// <summary>Open follow-ups listed on the card; the rest are counted and in "tindak lanjut".</summary>
    public const int TindakLanjutMaksimal = 5;

    public static AdaptiveCard Render(DialogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<CardElement>
        {
            new TextBlock("Dialog kinerja") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        if (model.Pesan is { } pesan)
        {
            body.Add(new TextBlock(pesan) { Wrap = true, Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        var ringkasan = new List<string>();
        if (model.Kepatuhan is { } k)
        {
            var tanpa = k.TanpaDki.Count == 0
                ? $"Semua {Angka(k.JumlahBawahan)} bawahan sudah DKI dalam {Angka(model.BulanKepatuhan)} bulan terakhir."
                : $"{Angka(k.TanpaDki.Count)} dari {Angka(k.JumlahBawahan)} bawahan belum DKI dalam {Angka(model.BulanKepatuhan)} bulan terakhir: {string.Join(", ", k.TanpaDki.Select(p => p.Nama))}.";
            body.Add(new TextBlock(tanpa) { Wrap = true, Color = k.TanpaDki.Count == 0 ? TextColor.Good : TextColor.Warning });
            if (k.TindakLanjutTerlambat.Count > 0)
            {
                body.Add(new TextBlock($"{Angka(k.TindakLanjutTerlambat.Count)} tindak lanjut dari dialog Anda terlambat.") { Wrap = true, Color = TextColor.Attention, Spacing = Spacing.None });
            }

            ringkasan.Add(tanpa);
        }

        if (model.Mendatang.Count > 0)
        {
            body.Add(new TextBlock("Dialog yang perlu dilaksanakan") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
            foreach (var m in model.Mendatang)
            {
                body.Add(Mendatang(m, model.HariIni));
            }

            ringkasan.Add($"{Angka(model.Mendatang.Count)} dialog perlu dilaksanakan.");
        }

        body.Add(new TextBlock(model.Mendatang.Count > 0 ? "Dialog terakhir" : "Dialog terakhir Anda") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        if (model.Terakhir.Count == 0)
        {
            body.Add(new TextBlock("Belum ada dialog kinerja yang tercatat.") { Wrap = true, IsSubtle = true });
        }

        foreach (var d in model.Terakhir.Take(TerakhirMaksimal))
        {
            var terbuka = d.TindakLanjutTerbuka == 0 ? "tidak ada tindak lanjut terbuka" : $"{Angka(d.TindakLanjutTerbuka)} tindak lanjut terbuka";
            body.Add(new ColumnSet
            {
                Columns =
                [
                    new Column
                    {
                        Width = ColumnWidth.Stretch,
                        Items =
                        [
                            new TextBlock($"**{d.Judul}**") { Wrap = true },
                            new TextBlock($"{Format.Tanggal(d.Tanggal)} {d.Jam} · {terbuka}") { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
                        ],
                    },
                    new Column
                    {
                        Width = ColumnWidth.Auto,
                        Items = [new ActionSet { Actions = [ExecuteAction.TanpaInput("Lihat notula", new DialogData(CardVerbs.LihatDialog, d.Seri, d.Id))] }],
                    },
                ],
            });
        }

        var milik = model.TindakLanjutSaya.Where(i => i.TindakLanjut.Status == StatusTindakLanjut.Terbuka)
            .OrderByDescending(i => i.TindakLanjut.Terlambat(model.HariIni)).ThenBy(i => i.TindakLanjut.Tenggat).ThenBy(i => i.TindakLanjut.Id, StringComparer.Ordinal)
            .ToList();
        var terlambat = milik.Count(i => i.TindakLanjut.Terlambat(model.HariIni));
        var tl = milik.Count == 0
            ? "Anda tidak punya tindak lanjut terbuka."
            : $"Anda punya {Angka(milik.Count)} tindak lanjut terbuka{(terlambat > 0 ? $", {Angka(terlambat)} terlambat" : "")}.";
        body.Add(new TextBlock(tl) { Wrap = true, Separator = true, Weight = TextWeight.Bolder, Color = terlambat > 0 ? TextColor.Attention : TextColor.Default });
        foreach (var i in milik.Take(TindakLanjutMaksimal))
        {
            var t = i.TindakLanjut;
            body.Add(new TextBlock($"• **{t.Uraian}**") { Wrap = true, Spacing = Spacing.Small });
            body.Add(new TextBlock($"{TindakLanjutCard.Keadaan(t, model.HariIni)} · {i.AsalDialog}")
            {
                Wrap = true, Spacing = Spacing.None, Size = TextSize.Small, IsSubtle = !t.Terlambat(model.HariIni),
                Color = t.Terlambat(model.HariIni) ? TextColor.Attention : TextColor.Default,
            });
        }

        if (milik.Count > TindakLanjutMaksimal)
        {
            body.Add(new TextBlock($"… dan {Angka(milik.Count - TindakLanjutMaksimal)} lainnya di Tindak lanjut saya.") { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }

        ringkasan.Add(tl);
        var teks = string.Join(" ", ringkasan);
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new SubmitAction { Title = "Tindak lanjut saya", Data = new PerintahData("tindak lanjut").ToData() },
                new SubmitAction { Title = "Muat ulang", Data = new PerintahData("dialog").ToData() },
            ],
            FallbackText = teks,
            Speak = teks,
            Lang = "id",
        };
    }

    private static Container Mendatang(DialogMendatangItem m, DateOnly hariIni)
    {
        var j = m.Jadwal;
        var kapan = j.JatuhTempo <= hariIni ? $"Jatuh tempo {Format.Tanggal(j.JatuhTempo)}" : $"Dijadwalkan {Format.Tanggal(j.JatuhTempo)}";
        if (j.Ditunda)
        {
            kapan += " (ditunda)";
        }

        var terakhir = j.TerakhirDilaksanakan is { } t ? $"terakhir {Format.Tanggal(t)}" : "belum pernah";
        var items = new List<CardElement>
        {
            new TextBlock($"**{m.Judul}**") { Wrap = true },
            new TextBlock($"{kapan} · {terakhir} · data {j.Periode.Label}")
            {
                Wrap = true, Spacing = Spacing.None, Color = j.TidakPatuh ? TextColor.Attention : TextColor.Default, IsSubtle = !j.TidakPatuh,
            },
        };
        if (m.Agenda.Item.Count == 0)
        {
            items.Add(new TextBlock("Agenda: tidak ada butir dari data; bahas rencana aksi dan umpan balik.") { Wrap = true, IsSubtle = true });
        }

        var nomor = 0;
        foreach (var i in m.Agenda.Item.Take(ItemPerDialog))
        {
            nomor++;
            items.Add(new TextBlock($"{Angka(nomor)}. {i.Judul} — {i.Alasan}") { Wrap = true, Spacing = Spacing.Small, Size = TextSize.Small });
        }

        if (m.Agenda.Item.Count > ItemPerDialog)
        {
            items.Add(new TextBlock($"… dan {Angka(m.Agenda.Item.Count - ItemPerDialog)} butir agenda lainnya.") { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }

        items.Add(new ActionSet
        {
            Actions = [ExecuteAction.TanpaInput("Catat hasil dialog", new DialogData(CardVerbs.BukaDialog, j.Seri.Kunci), $"Agenda lengkap, catat hasil atau tunda: {m.Judul}")],
        });
        return new Container { Items = items, Separator = true };
    }

    internal static string Angka(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The record card of a dialog: the whole agenda with a minutes box per item, the date and time (office zone), the
/// participants, up to <see cref="CatatDialogCard.BarisTindakLanjut"/> follow-ups (PIC chosen from the participants, due date picked
/// or typed as <c>31/12/2026</c>), and <i>Tunda</i> with a new date. After a refused save it comes back with the
/// problems on top and what was typed kept. Each minutes box is keyed by its item's <see cref="ItemAgenda.Kunci"/>,
/// and the save carries the agenda's <see cref="AgendaDialog.Sidik"/>. The time defaults to <see cref="JamSekarang"/>
/// (the office's local time now) rounded down to 5 minutes.
/// </summary>
public sealed record CatatDialogModel(
    string Judul,
    string IdBaru,
    AgendaDialog Agenda,
    IReadOnlyList<(Pegawai Pegawai, bool Tetap)> KandidatPeserta,
    ZonaWaktu Zona,
    DateOnly HariIni,
    TimeOnly JamSekarang,
    IReadOnlyList<string> Kesalahan,
    IReadOnlyDictionary<string, string> Masukan);

public static class CatatDialogCard
{
    public const int BarisTindakLanjut = 3;

    public static AdaptiveCard Render(CatatDialogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        string? Nilai(string id) => model.Masukan.TryGetValue(id, out var v) ? v : null;
        var seri = model.Agenda.Seri.Kunci;
        var body = new List<CardElement>
        {
            new TextBlock($"Catat hasil {model.Judul}") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
            new TextBlock($"Agenda disusun dari data s.d. {model.Agenda.Periode.Label}. Semua waktu dalam {model.Zona.Singkatan}.") { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Kesalahan.Count > 0)
        {
            body.Add(new Container
            {
                Style = ContainerStyle.Attention,
                Items =
                [
                    new TextBlock("Hasil dialog belum disimpan:") { Weight = TextWeight.Bolder, Wrap = true },
                    .. model.Kesalahan.Select(k => (CardElement)new TextBlock("• " + k) { Wrap = true, Spacing = Spacing.None }),
                ],
            });
        }

        body.Add(new ColumnSet
        {
            Columns =
            [
                new Column
                {
                    Width = ColumnWidth.Stretch,
                    Items = [new InputDate { Id = DialogData.InputTanggal, Label = "Tanggal dialog", Value = Nilai(DialogData.InputTanggal) ?? model.HariIni.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }],
                },
                new Column
                {
                    Width = ColumnWidth.Stretch,
                    Items = [new InputTime { Id = DialogData.InputJam, Label = $"Jam ({model.Zona.Singkatan})", Value = Nilai(DialogData.InputJam) ?? JamBawaan(model.JamSekarang) }],
                },
            ],
        });
        var tetap = model.KandidatPeserta.Where(k => k.Tetap).Select(k => k.Pegawai).ToList();
        var pilihan = model.KandidatPeserta.Where(k => !k.Tetap).Select(k => k.Pegawai).ToList();
        body.Add(new TextBlock($"Peserta: {string.Join(", ", tetap.Select(p => p.Nama))}") { Wrap = true });
        if (pilihan.Count > 0)
        {
            body.Add(new InputChoiceSet
            {
                Id = DialogData.InputPeserta,
                Label = "Pejabat yang hadir",
                IsMultiSelect = true,
                Style = "expanded",
                Choices = [.. pilihan.Select(p => new Choice($"{p.Nama} ({p.Jabatan})", p.Nip.Value))],
                Value = Nilai(DialogData.InputPeserta) ?? string.Join(",", pilihan.Select(p => p.Nip.Value)),
            });
        }

        body.Add(new TextBlock("Agenda dan notula") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        for (var i = 0; i < model.Agenda.Item.Count; i++)
        {
            var item = model.Agenda.Item[i];
            body.Add(new TextBlock($"{DialogCard.Angka(i + 1)}. **{item.Judul}**") { Wrap = true, Spacing = Spacing.Medium });
            body.Add(new TextBlock($"Mengapa: {item.Alasan}") { Wrap = true, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small });
            if (item.Rincian is { } r)
            {
                body.Add(new TextBlock(r) { Wrap = true, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small });
            }

            body.Add(new InputText
            {
                Id = DialogData.InputNotula(item.Kunci), Label = "Notula", IsMultiline = true, MaxLength = DialogKinerja.NotulaMaksimal,
                Placeholder = "Apa yang dibahas dan disepakati", Value = Nilai(DialogData.InputNotula(item.Kunci)),
            });
        }

        body.Add(new InputText
        {
            Id = DialogData.InputNotulaUmum, Label = model.Agenda.Item.Count == 0 ? "Notula" : "Lain-lain (opsional)", IsMultiline = true,
            MaxLength = DialogKinerja.NotulaMaksimal, Value = Nilai(DialogData.InputNotulaUmum),
        });

        body.Add(new TextBlock("Tindak lanjut") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        body.Add(new TextBlock("Isi yang perlu saja; baris kosong diabaikan. PIC dipilih dari peserta; tenggat dapat diketik seperti 31/12/2026.")
        {
            Wrap = true, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small,
        });
        var pic = model.KandidatPeserta.Select(k => new Choice(k.Pegawai.Nama, k.Pegawai.Nip.Value)).ToList();
        for (var b = 0; b < BarisTindakLanjut; b++)
        {
            body.Add(new InputText
            {
                Id = DialogData.InputTindakLanjut(b, 'u'), Label = $"Tindak lanjut {DialogCard.Angka(b + 1)}", MaxLength = DialogKinerja.UraianTindakLanjutMaksimal,
                Value = Nilai(DialogData.InputTindakLanjut(b, 'u')),
            });
            body.Add(new ColumnSet
            {
                Spacing = Spacing.None,
                Columns =
                [
                    new Column
                    {
                        Width = ColumnWidth.Stretch,
                        Items = [new InputChoiceSet { Id = DialogData.InputTindakLanjut(b, 'p'), Placeholder = "PIC", Style = "compact", Choices = pic, Value = Nilai(DialogData.InputTindakLanjut(b, 'p')) }],
                    },
                    new Column
                    {
                        Width = ColumnWidth.Stretch,
                        Items = [new InputDate { Id = DialogData.InputTindakLanjut(b, 't'), Placeholder = "Tenggat, mis. 31/12/2026", Value = Nilai(DialogData.InputTindakLanjut(b, 't')) }],
                    },
                ],
            });
        }

        body.Add(new ActionSet
        {
            Separator = true,
            Actions = [ExecuteAction.Create("Simpan hasil dialog", new DialogData(CardVerbs.SimpanDialog, seri, model.IdBaru) { Sidik = model.Agenda.Sidik })],
        });
        body.Add(new TextBlock("Tunda dialog ini") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        body.Add(new InputDate
        {
            Id = DialogData.InputTanggalTunda, Label = "Tanggal baru", Min = model.HariIni.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Value = Nilai(DialogData.InputTanggalTunda),
        });
        body.Add(new ActionSet { Actions = [ExecuteAction.Create("Tunda", new DialogData(CardVerbs.TundaDialog, seri))] });
        var teks = $"Catat hasil {model.Judul}: {DialogCard.Angka(model.Agenda.Item.Count)} butir agenda.";
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new SubmitAction { Title = "Kembali", Data = new PerintahData("dialog").ToData(), AssociatedInputs = "none" }],
            FallbackText = teks,
            Speak = teks,
            Lang = "id",
        };
    }

    /// <summary><c>14:35</c> → <c>14:35</c>, <c>14:38</c> → <c>14:35</c>: the input's default, never in the future.</summary>
    internal static string JamBawaan(TimeOnly sekarang) =>
        new TimeOnly(sekarang.Hour, sekarang.Minute / 5 * 5).ToString("HH':'mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// A recorded dialog as its readers see it: when (in the dialog's own zone, whoever reads it), who, the agenda with
/// minutes, the follow-ups and their state.
/// </summary>
public sealed record NotulaDialogModel(DialogKinerja Dialog, string Judul, DateOnly HariIni, Uri? UrlDokumen, string? Pesan = null);

public static class NotulaDialogCard
{
    public static AdaptiveCard Render(NotulaDialogModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Dialog;
        var body = new List<CardElement>
        {
            new TextBlock(model.Judul) { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        if (model.Pesan is { } pesan)
        {
            body.Add(new TextBlock(pesan) { Wrap = true, Color = TextColor.Good, Weight = TextWeight.Bolder });
        }

        body.Add(new FactSet
        {
            Facts =
            [
                new Fact("Waktu", $"{Format.Tanggal(d.Pada.TanggalLokal)} pukul {d.JamDenganZona}"),
                new Fact("Data", d.Periode.Label),
                new Fact("Peserta", string.Join(", ", d.Peserta.Select(p => p.Nama))),
                new Fact("Dicatat oleh", d.DicatatOleh.Nama),
            ],
        });
        body.Add(new TextBlock("Agenda dan notula") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        for (var i = 0; i < d.Agenda.Count; i++)
        {
            var b = d.Agenda[i];
            body.Add(new TextBlock($"{DialogCard.Angka(i + 1)}. **{b.Item.Judul}**") { Wrap = true, Spacing = Spacing.Medium });
            body.Add(new TextBlock(b.Item.Alasan) { Wrap = true, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small });
            body.Add(new TextBlock(b.Notula) { Wrap = true, Spacing = Spacing.Small });
        }

        body.Add(new TextBlock("Tindak lanjut") { Weight = TextWeight.Bolder, Wrap = true, Separator = true });
        if (d.TindakLanjut.Count == 0)
        {
            body.Add(new TextBlock("Tidak ada tindak lanjut.") { Wrap = true, IsSubtle = true });
        }

        foreach (var t in d.TindakLanjut)
        {
            body.Add(new TextBlock($"• **{t.Uraian}** — PIC {t.Pic.Nama}, tenggat {Format.Tanggal(t.Tenggat)}") { Wrap = true });
            body.Add(new TextBlock(TindakLanjutCard.Keadaan(t, model.HariIni)) { Wrap = true, Spacing = Spacing.None, IsSubtle = true, Size = TextSize.Small,
                Color = t.Terlambat(model.HariIni) ? TextColor.Attention : TextColor.Default });
        }

        var actions = new List<CardAction>();
        if (model.UrlDokumen is { } url)
        {
            actions.Add(new OpenUrlAction { Title = "Unduh notula (DOCX)", Url = url });
        }

        actions.Add(new SubmitAction { Title = "Kembali", Data = new PerintahData("dialog").ToData() });
        var teks = $"{model.Judul}: {Format.Tanggal(d.Pada.TanggalLokal)}, {DialogCard.Angka(d.Agenda.Count)} butir agenda, {DialogCard.Angka(d.TindakLanjut.Count)} tindak lanjut.";
        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = teks, Speak = teks, Lang = "id" };
    }
}

/// <summary>A follow-up in "tindak lanjut": where it comes from, and whether the viewer may mark it done.</summary>
public sealed record TindakLanjutItem(TindakLanjut TindakLanjut, string AsalDialog, bool BolehSelesai, bool BolehBatal = false);

/// <summary>"tindak lanjut": the viewer's open follow-ups (as PIC, and as leader of the dialog), overdue first, each with <i>Selesai</i> and a note.</summary>
public sealed record TindakLanjutModel(string Nama, IReadOnlyList<TindakLanjutItem> Item, DateOnly HariIni, string? Pesan = null, bool PesanGagal = false);

public static class TindakLanjutCard
{
    public const int Maksimal = 15;

    public static AdaptiveCard Render(TindakLanjutModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<CardElement>
        {
            new TextBlock("Tindak lanjut saya") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        if (model.Pesan is { } pesan)
        {
            body.Add(new TextBlock(pesan) { Wrap = true, Weight = TextWeight.Bolder, Color = model.PesanGagal ? TextColor.Attention : TextColor.Good });
        }

        var terbuka = model.Item.Where(i => i.TindakLanjut.Status == StatusTindakLanjut.Terbuka)
            .OrderByDescending(i => i.TindakLanjut.Terlambat(model.HariIni)).ThenBy(i => i.TindakLanjut.Tenggat).ToList();
        var ringkasan = terbuka.Count == 0 ? "Tidak ada tindak lanjut terbuka untuk Anda." : $"{DialogCard.Angka(terbuka.Count)} tindak lanjut terbuka.";
        body.Add(new TextBlock(ringkasan) { Wrap = true, Spacing = Spacing.None });
        foreach (var i in terbuka.Take(Maksimal))
        {
            var t = i.TindakLanjut;
            var items = new List<CardElement>
            {
                new TextBlock($"**{t.Uraian}**") { Wrap = true },
                new TextBlock($"PIC {t.Pic.Nama} · {i.AsalDialog}") { Wrap = true, IsSubtle = true, Spacing = Spacing.None, Size = TextSize.Small },
                new TextBlock(Keadaan(t, model.HariIni)) { Wrap = true, Spacing = Spacing.None, Color = t.Terlambat(model.HariIni) ? TextColor.Attention : TextColor.Default },
            };
            if (i.BolehSelesai)
            {
                var data = new TindakLanjutData(t.Id, t.Versi);
                items.Add(new InputText
                {
                    Id = TindakLanjutData.InputCatatan(t.Id), Placeholder = i.BolehBatal ? "Catatan hasil, atau alasan pembatalan" : "Catatan singkat hasilnya",
                    MaxLength = TindakLanjut.CatatanMaksimal,
                });
                List<CardAction> aksi = [ExecuteAction.Create("Selesai", data, $"Tandai selesai: {t.Uraian}")];
                if (i.BolehBatal)
                {
                    aksi.Add(ExecuteAction.Create("Batalkan", data with { Verb = CardVerbs.BatalkanTindakLanjut }, $"Batalkan: {t.Uraian}"));
                }

                items.Add(new ActionSet { Actions = aksi });
            }

            body.Add(new Container { Items = items, Separator = true });
        }

        if (terbuka.Count > Maksimal)
        {
            body.Add(new TextBlock($"… dan {DialogCard.Angka(terbuka.Count - Maksimal)} lainnya.") { Wrap = true, IsSubtle = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new SubmitAction { Title = "Dialog saya", Data = new PerintahData("dialog").ToData(), AssociatedInputs = "none" }],
            FallbackText = ringkasan,
            Speak = ringkasan,
            Lang = "id",
        };
    }

    /// <summary><c>Tenggat 31 Desember 2026 (33 hari lagi)</c>, <c>Terlambat 3 hari (tenggat …)</c>, <c>Selesai: …</c>.</summary>
    public static string Keadaan(TindakLanjut t, DateOnly hariIni)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Status switch
        {
            StatusTindakLanjut.Selesai => $"Selesai ({t.DitutupOleh!.Nama}): {t.Catatan}",
            StatusTindakLanjut.Dibatalkan => $"Dibatalkan ({t.DitutupOleh!.Nama}): {t.Catatan}",
            _ when t.Terlambat(hariIni) => $"Terlambat {DialogCard.Angka(hariIni.DayNumber - t.Tenggat.DayNumber)} hari (tenggat {Format.Tanggal(t.Tenggat)})",
            _ when t.Tenggat == hariIni => $"Tenggat hari ini ({Format.Tanggal(t.Tenggat)})",
            _ => $"Tenggat {Format.Tanggal(t.Tenggat)} ({DialogCard.Angka(t.Tenggat.DayNumber - hariIni.DayNumber)} hari lagi)",
        };
    }
}
