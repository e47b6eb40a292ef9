using System.Globalization;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Cards;

/// <summary>One SKP waiting for the viewer's decision: whose, which version, when submitted, the deadline, and for whom the viewer acts (Plt./Plh.).</summary>
public sealed record SkpMenungguItem(Pegawai Pemilik, int Tahun, int Versi, DateOnly DiajukanPada, TenggatSkp Tenggat, string? AtasNama);

/// <summary>"persetujuan": everything waiting for this person, oldest first (the caller's order is kept).</summary>
public sealed record PersetujuanModel(string NamaPenyetuju, IReadOnlyList<SkpMenungguItem> Menunggu, DateOnly HariIni);

public static class PersetujuanCard
{
    /// <summary>At most this many items are listed (the 28 KB limit); the rest are counted.</summary>
    public const int Maksimal = 20;

    public static AdaptiveCard Render(PersetujuanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<CardElement>
        {
            new TextBlock("Persetujuan SKP") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true },
        };
        string ringkasan;
        if (model.Menunggu.Count == 0)
        {
            ringkasan = "Tidak ada SKP yang menunggu persetujuan Anda.";
            body.Add(new TextBlock(ringkasan) { Wrap = true });
        }
        else
        {
            ringkasan = $"{model.Menunggu.Count.ToString(CultureInfo.InvariantCulture)} SKP menunggu persetujuan Anda, yang terlama lebih dulu.";
            body.Add(new TextBlock(ringkasan) { Wrap = true, Spacing = Spacing.None });
            foreach (var m in model.Menunggu.Take(Maksimal))
            {
                var baris = new List<CardElement>
                {
                    new TextBlock($"**{m.Pemilik.Nama}** · SKP {m.Tahun.ToString(CultureInfo.InvariantCulture)} · versi {m.Versi.ToString(CultureInfo.InvariantCulture)}") { Wrap = true },
                    new TextBlock($"{m.Pemilik.Jabatan} · diajukan {Format.Tanggal(m.DiajukanPada)}") { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
                    new TextBlock(m.Tenggat.Keterangan(model.HariIni, Domain.Kinerja.StatusSkp.Diajukan))
                    {
                        Wrap = true, Spacing = Spacing.None,
                        Color = m.Tenggat.Terlambat(model.HariIni, Domain.Kinerja.StatusSkp.Diajukan) ? TextColor.Attention : TextColor.Default,
                    },
                };
                if (m.AtasNama is { } an)
                {
                    baris.Add(new TextBlock($"Sebagai Plt./Plh. {an}") { Wrap = true, IsSubtle = true, Spacing = Spacing.None });
                }

                baris.Add(new ActionSet
                {
                    Actions = [ExecuteAction.Create("Buka", new SkpData(CardVerbs.LihatSkp, m.Tahun, m.Pemilik.Nip.Value, m.Versi), $"Buka SKP {m.Pemilik.Nama}")],
                });
                body.Add(new Container { Items = baris, Separator = true });
            }

            if (model.Menunggu.Count > Maksimal)
            {
                body.Add(new TextBlock($"… dan {(model.Menunggu.Count - Maksimal).ToString(CultureInfo.InvariantCulture)} lainnya.") { Wrap = true, IsSubtle = true });
            }
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new SubmitAction { Title = "Muat ulang", Data = new PerintahData("persetujuan").ToData() }],
            FallbackText = ringkasan,
            Speak = ringkasan,
            Lang = "id",
        };
    }
}
