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
            body.AddRange(TabelIku(model.Kontrak, alur));
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
                actions.Add(ExecuteAction.TanpaInput("Ubah target", data with { Verb = CardVerbs.UbahTargetSkp }, "Ubah target triwulan sebelum mengajukan"));
                break;
            case TampilanSkp.Pemilik when status == StatusSkp.Disetujui:
                actions.Add(ExecuteAction.Create("Ajukan adendum", data with { Verb = CardVerbs.UbahTargetSkp }, "Usulkan perubahan target SKP yang sudah disetujui"));
                break;
            case TampilanSkp.Pemilik when status == StatusSkp.Diajukan:
                body.AddRange(Perubahan(model.Kontrak, alur));
                break;
            case TampilanSkp.Penyetuju when status == StatusSkp.Diajukan:
                body.AddRange(Perubahan(model.Kontrak, alur));
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

    /// <summary>
    /// The owner's edit card of the targets (verb <c>ubahTargetSkp</c>): one <c>Input.Number</c> per IKU and quarter
    /// that has a target (a <c>stab</c> IKU: lower and upper bound), pre-filled with the latest version's targets; for an
    /// approved contract an adendum with a required reason, otherwise a revision before submitting with an optional
    /// note; the pernyataan kesanggupan; <i>Ajukan</i> (<c>ajukanSkp</c> / <c>ajukanAdendumSkp</c>) and <i>Batal</i>
    /// (<c>lihatSkp</c>, no inputs). The values are checked on the server (<see cref="UsulanTarget"/>).
    /// </summary>
    public static AdaptiveCard RenderUbah(SkpModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var alur = model.Alur;
        var adendum = alur.Status == StatusSkp.Disetujui;
        var tahun = alur.Kunci.Tahun.ToString(CultureInfo.InvariantCulture);
        var data = new SkpData(CardVerbs.LihatSkp, alur.Kunci.Tahun, alur.Kunci.Pemilik.Value, alur.VersiTerakhir.Nomor);
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

        body.Add(new Container
        {
            Style = ContainerStyle.Emphasis,
            Bleed = true,
            Items =
            [
                new TextBlock($"{(adendum ? "Adendum" : "Ubah target")} SKP {tahun} · {model.Pemilik.Nama}")
                {
                    Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true,
                },
                new TextBlock(adendum
                    ? $"Ubah target yang perlu diubah lalu tulis alasannya. Sampai adendum disetujui, SKP versi {(alur.VersiBerlaku?.Nomor ?? alur.VersiTerakhir.Nomor).ToString(CultureInfo.InvariantCulture)} tetap berlaku."
                    : "Ubah target yang perlu diubah, lalu ajukan ke atasan langsung. Angka desimal boleh memakai koma (96,5).")
                {
                    Wrap = true, IsSubtle = true, Spacing = Spacing.None,
                },
            ],
        });

        var target = TargetSkp.Versi(model.Kontrak, alur, alur.VersiTerakhir.Nomor);
        foreach (var iku in model.Kontrak?.Iku ?? [])
        {
            var kolom = new List<Column>();
            for (var tw = 1; tw <= 4; tw++)
            {
                if (!target.TryGetValue(TargetSkp.Kunci(iku.Kode, tw), out var t))
                {
                    continue;
                }

                var romawi = Periode.Romawi(tw);
                var items = new List<CardElement>
                {
                    new InputNumber
                    {
                        Id = UsulanTarget.IdInput(iku.Kode, tw),
                        Label = iku.Polaritas == Polaritas.Stabilize ? $"TW {romawi} bawah" : $"TW {romawi}",
                        Value = t.Nilai,
                        IsRequired = true,
                        ErrorMessage = "Isi dengan angka.",
                    },
                };
                if (iku.Polaritas == Polaritas.Stabilize)
                {
                    items.Add(new InputNumber
                    {
                        Id = UsulanTarget.IdInput(iku.Kode, tw, atas: true),
                        Label = $"TW {romawi} atas",
                        Value = t.Atas,
                        IsRequired = true,
                        ErrorMessage = "Isi dengan angka.",
                    });
                }

                kolom.Add(new Column { Width = ColumnWidth.Weight(1), Items = items });
            }

            if (kolom.Count == 0)
            {
                continue;
            }

            var satuan = string.IsNullOrWhiteSpace(iku.Satuan) ? "" : $" ({iku.Satuan})";
            body.Add(new TextBlock($"**{iku.Kode}** {iku.Nama}{satuan}") { Wrap = true, Separator = true });
            body.Add(new ColumnSet { Columns = kolom, Spacing = Spacing.Small });
        }

        if (target.Count == 0)
        {
            body.Add(new TextBlock("Belum ada target pada kontrak ini.") { Wrap = true, IsSubtle = true });
        }

        body.Add(new InputText
        {
            Id = SkpData.InputAlasan,
            Label = adendum ? "Alasan adendum (wajib)" : "Catatan untuk atasan (tidak wajib)",
            Placeholder = adendum ? "Mengapa target perlu diubah" : "Apa yang Anda perbaiki",
            IsMultiline = true,
            MaxLength = SkpData.CatatanMaksimal,
            IsRequired = adendum ? true : null,
            ErrorMessage = adendum ? "Tuliskan alasan adendum." : null,
            Separator = true,
        });
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
        });

        var ringkasan = $"{(adendum ? "Adendum" : "Ubah target")} SKP {tahun} {model.Pemilik.Nama}.";
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                adendum
                    ? ExecuteAction.Create("Ajukan adendum", data with { Verb = CardVerbs.AjukanAdendumSkp }, "Ajukan perubahan target ke atasan langsung")
                    : ExecuteAction.Create("Ajukan", data with { Verb = CardVerbs.AjukanSkp }, "Ajukan SKP dengan target ini ke atasan langsung"),
                ExecuteAction.TanpaInput("Batal", data, "Kembali ke kartu SKP tanpa perubahan"),
            ],
            FallbackText = ringkasan,
            Speak = ringkasan,
            Lang = "id",
            // No refresh: an automatic lihatSkp would replace the form while the owner types.
        };
    }

    /// <summary>"What changed since the last version": old → new target per IKU and quarter of a revision or an adendum.</summary>
    private static IEnumerable<CardElement> Perubahan(KontrakKinerja? kontrak, PersetujuanSkp alur)
    {
        var v = alur.VersiTerakhir;
        var berubah = TargetSkp.PerubahanVersi(kontrak, alur, v.Nomor);
        if (v.Nomor == 1 && berubah.Count == 0)
        {
            yield return new TextBlock("Pengajuan pertama (versi 1).") { Wrap = true, IsSubtle = true };
            yield break;
        }

        var jenis = v.Jenis switch
        {
            JenisVersi.Adendum => "Adendum",
            JenisVersi.Perbaikan => "Perbaikan",
            _ => "Pengajuan pertama",
        };
        var sejak = v.Nomor == 1 ? "perubahan dari target awal" : "perubahan sejak versi sebelumnya";
        var baris = berubah.Select(p => $"- {p.KodeIku} TW {Periode.Romawi(p.Triwulan)}: {(p.Lama is { } l ? TeksTarget(l) : Kosong)} → {TeksTarget(p.Baru)}").ToList();
        if (baris.Count == 0)
        {
            baris.Add("- Tidak ada target yang diubah");
        }

        yield return new TextBlock($"**{jenis} (versi {v.Nomor.ToString(CultureInfo.InvariantCulture)})**, {sejak}:") { Wrap = true, Separator = true };
        yield return new TextBlock(string.Join('\n', baris)) { Wrap = true, Spacing = Spacing.None };
        if (v.Alasan is { } alasan)
        {
            yield return new TextBlock($"{(v.Jenis == JenisVersi.Adendum ? "Alasan adendum" : "Catatan pemilik")}: {alasan}") { Wrap = true, IsSubtle = true };
        }

        if (v.Jenis == JenisVersi.Adendum && alur.VersiBerlaku is { } berlaku && berlaku.Nomor < v.Nomor)
        {
            yield return new TextBlock($"Sampai adendum ini disetujui, yang berlaku tetap versi {berlaku.Nomor.ToString(CultureInfo.InvariantCulture)}.") { Wrap = true, IsSubtle = true };
        }
    }

    private static IEnumerable<CardElement> TabelIku(KontrakKinerja? kontrak, PersetujuanSkp alur)
    {
        var target = TargetSkp.Versi(kontrak, alur, alur.VersiTerakhir.Nomor);
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
            cells.AddRange(Enumerable.Range(1, 4).Select(tw => new TableCell(new TextBlock(target.TryGetValue(TargetSkp.Kunci(iku.Kode, tw), out var t) ? TeksTarget(t) : Kosong) { Wrap = true })));
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
