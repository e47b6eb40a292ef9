using System.Globalization;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Cards;

/// <summary>Whose view of an SKP card (Universal Actions' user-specific views, botframework-protocol.md §4.4).</summary>
public enum TampilanSkp
{
    /// <summary>The owner: status, deadline, the supervisor's last note, and <i>Ajukan</i> when draft or returned.</summary>
    Pemilik,

    /// <summary>Whoever may decide now (atasan, Plt./Plh., atasan pejabat penilai): <i>Setujui</i> and <i>Kembalikan</i>.</summary>
    Penyetuju,

    /// <summary>Anyone else: a read-only summary.</summary>
    Lainnya,
}

/// <summary>
/// Everything an SKP card shows. <paramref name="Kontrak"/> holds the IKU and quarterly targets (may be null when the
/// import has none); <paramref name="Alur"/> the workflow state, versions and audit trail; <paramref name="HariIni"/>
/// the office's local date; <paramref name="RefreshUserIds"/> the MRIs of owner and approver (for <c>refresh.userIds</c>);
/// <paramref name="Pesan"/> a message shown on top (an outcome, a refusal, an outdated version).
/// </summary>
public sealed record SkpModel(
    Pegawai Pemilik,
    Pegawai? Atasan,
    KontrakKinerja? Kontrak,
    PersetujuanSkp Alur,
    TenggatSkp Tenggat,
    DateOnly HariIni,
    TampilanSkp Tampilan,
    IReadOnlyList<string> RefreshUserIds,
    string? Pesan = null);

public static class SkpCard
{
    public const string IdStatus = "status";
    public const string IdPesan = "pesan";
    public const string IdTenggat = "tenggat";

    private const string Kosong = "—";

    public static AdaptiveCard Render(SkpModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var alur = model.Alur;
        var tahun = alur.Kunci.Tahun.ToString(CultureInfo.InvariantCulture);
        var versi = alur.VersiTerakhir.Nomor;
        var data = new SkpData(CardVerbs.LihatSkp, alur.Kunci.Tahun, alur.Kunci.Pemilik.Value, versi);
        var body = new List<CardElement>();
        if (model.Pesan is { Length: > 0 } pesan)
        {
            body.Add(new Container
            {
                Id = IdPesan,
                Style = ContainerStyle.Warning,
                Items = [new TextBlock(pesan) { Wrap = true, Weight = TextWeight.Bolder }],
            });
        }

        var status = alur.Status;
        body.Add(new Container
        {
            Style = ContainerStyle.Emphasis,
            Bleed = true,
            Items =
            [
                new TextBlock($"SKP {tahun} · {model.Pemilik.Nama}") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock($"{model.Pemilik.Jabatan} · NIP {model.Pemilik.Nip.Tampilan}") { IsSubtle = true, Wrap = true, Spacing = Spacing.None },
                new TextBlock($"Status: **{PersetujuanSkp.NamaStatus(status)}** · versi {versi.ToString(CultureInfo.InvariantCulture)}")
                {
                    Id = IdStatus, Wrap = true, Color = WarnaStatus(status),
                },
                new TextBlock(model.Tenggat.Keterangan(model.HariIni, status))
                {
                    Id = IdTenggat, Wrap = true, Spacing = Spacing.None,
                    Color = model.Tenggat.Terlambat(model.HariIni, status) ? TextColor.Attention : TextColor.Default,
                },
            ],
        });

        var fakta = new List<Fact>();
        if (model.Atasan is { } atasan)
        {
            fakta.Add(new Fact("Atasan langsung", atasan.Nama));
        }

        if (alur.DiajukanPadaUtc is not null && alur.JejakAudit[^1] is { Oleh: { } pengaju } terakhir)
        {
            fakta.Add(new Fact("Diajukan", $"{Format.Tanggal(terakhir.TanggalLokal)} oleh {pengaju.Nama}"));
        }

        if (alur.JejakAudit.LastOrDefault(a => a.Keputusan) is { } keputusan)
        {
            fakta.Add(new Fact("Keputusan terakhir", PersetujuanSkp.PesanKeputusan(keputusan, sudah: false)));
        }

        if (fakta.Count > 0)
        {
            body.Add(new FactSet { Facts = fakta });
        }

        if (model.Tampilan == TampilanSkp.Pemilik && alur.PengembalianTerakhir is { Catatan: { } perbaiki })
        {
            body.Add(new Container
            {
                Style = ContainerStyle.Attention,
                Items =
                [
                    new TextBlock("Yang perlu diperbaiki (catatan atasan):") { Weight = TextWeight.Bolder, Wrap = true },
                    new TextBlock(perbaiki) { Wrap = true },
                ],
            });
        }

        if (model.Tampilan != TampilanSkp.Lainnya)
        {
            body.AddRange(TabelIku(model.Kontrak));
        }
        else
        {
            body.Add(new TextBlock($"{model.Kontrak?.Iku.Count.ToString(CultureInfo.InvariantCulture) ?? "0"} IKU. Rincian hanya untuk pemilik dan penyetuju SKP ini.")
            {
                Wrap = true, IsSubtle = true,
            });
        }

        var actions = new List<CardAction>();
        switch (model.Tampilan)
        {
            case TampilanSkp.Pemilik when status is StatusSkp.Draft or StatusSkp.Dikembalikan:
                body.Add(new InputToggle
                {
                    Id = SkpData.InputKesanggupan,
                    Label = "Pernyataan kesanggupan",
                    Title = "Saya menyatakan sanggup mencapai target kinerja dalam SKP ini (pernyataan kesanggupan).",
                    ValueOn = "true",
                    ValueOff = "false",
                    Value = "false",
                    Wrap = true,
                    IsRequired = true,
                    ErrorMessage = "Centang pernyataan kesanggupan sebelum mengajukan.",
                    Separator = true,
                });
                actions.Add(ExecuteAction.Create("Ajukan", data with { Verb = CardVerbs.AjukanSkp }, "Ajukan SKP ini ke atasan langsung"));
                break;
            case TampilanSkp.Penyetuju when status == StatusSkp.Diajukan:
                body.AddRange(Perubahan(alur));
                body.Add(new InputText
                {
                    Id = SkpData.InputCatatan,
                    Label = "Catatan (wajib bila dikembalikan)",
                    Placeholder = "Tuliskan apa yang perlu diperbaiki",
                    IsMultiline = true,
                    MaxLength = SkpData.CatatanMaksimal,
                    Separator = true,
                });
                actions.Add(ExecuteAction.Create("Setujui", data with { Verb = CardVerbs.SetujuiSkp }, "Setujui SKP versi ini"));
                actions.Add(ExecuteAction.Create("Kembalikan", data with { Verb = CardVerbs.KembalikanSkp }, "Kembalikan SKP dengan catatan"));
                break;
        }

        actions.Add(ExecuteAction.Create("Muat ulang", data, "Tampilkan keadaan SKP terbaru"));
        var ringkasan = $"SKP {tahun} {model.Pemilik.Nama}: {PersetujuanSkp.NamaStatus(status)}. {model.Tenggat.Keterangan(model.HariIni, status)}.";
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            FallbackText = ringkasan,
            Speak = ringkasan,
            Lang = "id",
            Refresh = new CardRefresh { Action = ExecuteAction.Create("Muat ulang", data), UserIds = [.. model.RefreshUserIds] },
        };
    }

    /// <summary>"What changed since the last version": the targets of a revision or an adendum.</summary>
    private static IEnumerable<CardElement> Perubahan(PersetujuanSkp alur)
    {
        var v = alur.VersiTerakhir;
        if (v.Nomor == 1)
        {
            yield return new TextBlock("Pengajuan pertama (versi 1).") { Wrap = true, IsSubtle = true };
            yield break;
        }

        var jenis = v.Jenis == JenisVersi.Adendum ? "Adendum" : "Perbaikan";
        var baris = v.Perubahan.Select(p => $"- {p.KodeIku} TW{p.Triwulan.ToString(CultureInfo.InvariantCulture)}: target menjadi {TeksTarget(p.Target)}").ToList();
        if (baris.Count == 0)
        {
            baris.Add("- Tidak ada target yang diubah");
        }

        yield return new TextBlock($"**{jenis} (versi {v.Nomor.ToString(CultureInfo.InvariantCulture)})**, perubahan sejak versi sebelumnya:") { Wrap = true };
        yield return new TextBlock(string.Join('\n', baris)) { Wrap = true, Spacing = Spacing.None };
        if (v.Alasan is { } alasan)
        {
            yield return new TextBlock($"Catatan pemilik: {alasan}") { Wrap = true, IsSubtle = true };
        }
    }

    private static IEnumerable<CardElement> TabelIku(KontrakKinerja? kontrak)
    {
        if (kontrak is null || kontrak.Iku.Count == 0)
        {
            yield return new TextBlock("Belum ada IKU pada kontrak ini.") { Wrap = true, IsSubtle = true };
            yield break;
        }

        var kepala = new List<TableCell> { new(new TextBlock("IKU") { Weight = TextWeight.Bolder }) };
        kepala.AddRange(Enumerable.Range(1, 4).Select(tw => new TableCell(new TextBlock($"TW {Periode.Romawi(tw)}") { Weight = TextWeight.Bolder })));
        var rows = new List<TableRow> { new() { Cells = kepala } };
        foreach (var iku in kontrak.Iku)
        {
            var satuan = string.IsNullOrWhiteSpace(iku.Satuan) ? "" : iku.Satuan + ", ";
            var cells = new List<TableCell> { new(new TextBlock($"**{iku.Kode}** {iku.Nama} ({satuan}bobot {Format.AngkaRingkas(iku.Bobot.Nilai)}%)") { Wrap = true }) };
            cells.AddRange(Enumerable.Range(1, 4).Select(tw => new TableCell(new TextBlock(iku.TargetTriwulan(tw) is { } t ? TeksTarget(t) : Kosong) { Wrap = true })));
            rows.Add(new TableRow { Cells = cells });
        }

        yield return new Table
        {
            Columns = [new() { Width = ColumnWidth.Weight(4) }, new() { Width = ColumnWidth.Weight(1) }, new() { Width = ColumnWidth.Weight(1) }, new() { Width = ColumnWidth.Weight(1) }, new() { Width = ColumnWidth.Weight(1) }],
            Rows = rows,
            ShowGridLines = true,
        };
        yield return new TextBlock($"Total bobot {Format.AngkaRingkas(kontrak.Iku.Sum(i => i.Bobot.Nilai))}%") { IsSubtle = true, Size = TextSize.Small, Wrap = true };
    }

    internal static string TeksTarget(Target t) =>
        t.Atas is { } atas ? $"{Format.AngkaRingkas(t.Nilai)}–{Format.AngkaRingkas(atas)}" : Format.AngkaRingkas(t.Nilai);

    private static TextColor WarnaStatus(StatusSkp status) => status switch
    {
        StatusSkp.Disetujui => TextColor.Good,
        StatusSkp.Dikembalikan => TextColor.Attention,
        StatusSkp.Diajukan => TextColor.Accent,
        _ => TextColor.Default,
    };
}
