namespace Kinerja.Cards;

/// <param name="TeksTidakDikenal">What the user typed that the bot did not understand; null when help was asked for.</param>
/// <param name="MungkinMaksud">The command the bot guesses the user meant (<c>nilai saya</c>), offered as a button.</param>
public sealed record BantuanModel(string? TeksTidakDikenal = null, string? MungkinMaksud = null);

/// <summary>The help card: the commands the bot understands, and "Maksud Anda: …?" after an unknown text.</summary>
public static class BantuanCard
{
    /// <summary>Longest echo of the user's text: the card must stay small whatever was typed.</summary>
    private const int PanjangGema = 80;

    /// <summary>The commands shown, with what each does. The parser lives in the bot; these are its examples.</summary>
    public static IReadOnlyList<Fact> Perintah { get; } =
    [
        new("nilai saya", "Nilai kinerja Anda pada triwulan terakhir yang sudah ada realisasinya"),
        new("nilai saya TW2", "Nilai Anda pada triwulan tertentu (TW1–TW4) tahun itu"),
        new("nilai saya 2026 TW1", "Nilai Anda pada triwulan dan tahun tertentu"),
        new("nilai tim", "Pimpinan: sebaran predikat tim Anda dan siapa yang CKP-nya di bawah 100 (bisa ditambah tahun/TW)"),
        new("nilai tim kantor", "Koordinator (Manajer Kinerja Pegawai): hal yang sama untuk seluruh kantor"),
        new("skp", "SKP (kontrak kinerja) Anda: IKU, target, status, tenggat; ajukan dari kartunya"),
        new("skp 2027", "SKP Anda untuk tahun tertentu"),
        new("persetujuan", "SKP bawahan yang menunggu persetujuan Anda (termasuk sebagai Plt./Plh.)"),
        new("dialog", "Dialog kinerja: agenda DKI/DKO yang jatuh tempo (pimpinan), catat hasil dan tindak lanjut; dialog terakhir Anda"),
        new("tindak lanjut", "Tindak lanjut dialog yang menjadi tanggung jawab Anda; tandai selesai dengan catatan"),
        new("dasbor jadwal", "Koordinator dan administrator: tautan sekali pakai (berlaku 10 menit) untuk membuka dasbor jadwal dan pengiriman di browser"),
        new("bantuan", "Menampilkan pesan ini"),
    ];

    public static AdaptiveCard Render(BantuanModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<CardElement>();
        var actions = new List<CardAction>();
        string ringkasan;
        if (!string.IsNullOrWhiteSpace(model.TeksTidakDikenal))
        {
            body.Add(new TextBlock($"Maaf, saya belum memahami “{Ringkas(model.TeksTidakDikenal)}”.") { Wrap = true, Weight = TextWeight.Bolder });
            ringkasan = "Maaf, saya belum memahami pesan Anda.";
            if (!string.IsNullOrWhiteSpace(model.MungkinMaksud))
            {
                var maksud = model.MungkinMaksud.Trim();
                body.Add(new TextBlock($"Maksud Anda: **{maksud}**?") { Wrap = true });
                body.Add(new ActionSet { Actions = [Kirim(maksud)] });
                ringkasan += $" Maksud Anda: {maksud}?";
            }
        }
        else
        {
            body.Add(new TextBlock("Bantuan KinerjaBot") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true });
            ringkasan = "Bantuan KinerjaBot: ketik \"nilai saya\" untuk melihat nilai kinerja Anda.";
        }

        body.Add(new TextBlock("Perintah yang saya pahami:") { Wrap = true, Separator = body.Count > 0 && model.TeksTidakDikenal is not null });
        body.Add(new FactSet { Facts = [.. Perintah] });
        body.Add(new TextBlock("Huruf besar atau kecil tidak berpengaruh.") { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        if (!string.Equals(model.MungkinMaksud?.Trim(), "nilai saya", StringComparison.OrdinalIgnoreCase))
        {
            actions.Add(Kirim("nilai saya", "Lihat nilai saya"));
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = ringkasan, Speak = ringkasan, Lang = "id" };
    }

    /// <summary>A button that sends a command as if typed (imBack in Teams; <see cref="PerintahData"/> elsewhere).</summary>
    private static SubmitAction Kirim(string perintah, string? judul = null) =>
        new() { Title = judul ?? perintah, Data = new PerintahData(perintah).ToData() };

    private static string Ringkas(string teks)
    {
        var t = teks.Trim().ReplaceLineEndings(" ");
        return t.Length <= PanjangGema ? t : t[..PanjangGema] + "…";
    }
}
