using System.Globalization;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Entra;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Reach;

/// <summary>
/// <see cref="IJangkauanPegawai"/> for Teams: the remembered 1:1 chat, else the bot's app installed for the person
/// through Graph and its chat remembered (botframework-protocol.md §5.2). In order:
/// <list type="number">
/// <item>a refusal recorded less than <see cref="JangkauanOptions.CobaLagiSetelah"/> ago: null, nothing is tried;</item>
/// <item>a live reference: it;</item>
/// <item>a removed reference: null, unless <see cref="JangkauanOptions.PasangUlangBilaDihapus"/>;</item>
/// <item>no reference and Graph can install (credentials and <c>Kinerja:Graph:ManifestId</c>): install (201, or 409 =
/// already installed), read the chat, store it with the configured global service URL and return it — or, when Teams'
/// own <c>installationUpdate</c> got there first with a newer reference, that one;</item>
/// <item>Graph refuses (403/404): the refusal is recorded and the answer is null.</item>
/// </list>
/// Graph faults that may pass throw <see cref="DirektoriException"/> so a job's retry covers them.
/// </summary>
public sealed partial class TeamsJangkauanPegawai(
    IPercakapanStore percakapan,
    IPenggunaStore pengguna,
    IDirectory direktori,
    IOptions<JangkauanOptions> options,
    IOptions<GraphOptions> graphOptions,
    TimeProvider time,
    ILogger<TeamsJangkauanPegawai> logger) : IJangkauanPegawai
{
    /// <summary>The channel id of Teams.</summary>
    public const string ChannelTeams = "msteams";

    public async Task<ReferensiPercakapan?> PastikanPercakapanAsync(string kodeKantor, Nip nip, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        if (await pengguna.CariByNipAsync(kodeKantor, nip, cancellationToken).ConfigureAwait(false) is not { } terkait)
        {
            Log.NotLinked(logger, kodeKantor, nip.Value);
            return null;
        }

        return await PastikanPercakapanAsync(terkait.AadObjectId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReferensiPercakapan?> PastikanPercakapanAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aadObjectId);
        var o = options.Value;
        var sekarang = time.GetUtcNow();
        var dikenal = await percakapan.CariAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
        if (dikenal?.TidakTerjangkau is { } tolak && sekarang - tolak.Pada < o.CobaLagiSetelah)
        {
            Log.StillUnreachable(logger, aadObjectId, tolak.Alasan, tolak.Pada);
            return null;
        }

        switch (dikenal?.Referensi)
        {
            case { Dihapus: false } referensi:
                return referensi;
            case { Dihapus: true } when !o.PasangUlangBilaDihapus:
                Log.Removed(logger, aadObjectId);
                return null;
        }

        if (!direktori.BisaMemasangAplikasi)
        {
            Log.CannotInstall(logger, aadObjectId);
            return null;
        }

        switch (await direktori.PasangAplikasiAsync(aadObjectId, cancellationToken).ConfigureAwait(false))
        {
            case AplikasiTerpasang terpasang:
                var baru = new ReferensiPercakapan(aadObjectId, o.ServiceUrl.Trim(), terpasang.ChatId, graphOptions.Value.TenantId, null, o.BotId,
                    ChannelTeams, time.GetUtcNow());
                await percakapan.SimpanReferensiAsync(baru, cancellationToken).ConfigureAwait(false);
                Log.Reached(logger, aadObjectId, terpasang.SudahAda);
                var tersimpan = await percakapan.CariAsync(aadObjectId, cancellationToken).ConfigureAwait(false);
                return tersimpan?.Referensi is { Dihapus: false } terbaru ? terbaru : baru;

            case AplikasiGagalDipasang gagal:
                var alasan = PenolakanTeams.DariGraph(gagal.Status) ?? AlasanTidakTerjangkau.Lainnya;
                var kode = gagal.KodeGalat ?? gagal.Status.ToString(CultureInfo.InvariantCulture);
                await percakapan.TandaiTidakTerjangkauAsync(aadObjectId, new TidakTerjangkau(alasan, kode, sekarang), cancellationToken).ConfigureAwait(false);
                return null;

            default:
                return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5050, Level = LogLevel.Debug, Message = "{AadObjectId} is unreachable ({Reason}) since {Since}; not tried again yet")]
        public static partial void StillUnreachable(ILogger logger, string aadObjectId, AlasanTidakTerjangkau reason, DateTimeOffset since);

        [LoggerMessage(EventId = 5051, Level = LogLevel.Debug, Message = "{AadObjectId} removed the app; not installed again")]
        public static partial void Removed(ILogger logger, string aadObjectId);

        [LoggerMessage(EventId = 5052, Level = LogLevel.Information, Message = "{AadObjectId} has no chat with the bot and Graph cannot install the app (no credentials or no Kinerja:Graph:ManifestId)")]
        public static partial void CannotInstall(ILogger logger, string aadObjectId);

        [LoggerMessage(EventId = 5053, Level = LogLevel.Information, Message = "Chat with {AadObjectId} found through Graph (already installed: {AlreadyInstalled})")]
        public static partial void Reached(ILogger logger, string aadObjectId, bool alreadyInstalled);

        [LoggerMessage(EventId = 5054, Level = LogLevel.Information, Message = "No Teams account is linked to employee {Nip} of {KodeKantor}")]
        public static partial void NotLinked(ILogger logger, string kodeKantor, string nip);
    }
}
