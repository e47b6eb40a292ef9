namespace KinerjaBot.Storage.Tables;

/// <summary>Source-generated log messages of the Azure Tables SKP workflow store. Event ids 9800–9819 are stable.</summary>
internal static partial class TableKontrakLog
{
    [LoggerMessage(EventId = 9801, Level = LogLevel.Information, Message = "SKP {Kunci} saved to Azure Tables: {From} -> {To}, revision {Revision}")]
    public static partial void Saved(ILogger logger, string kunci, string from, string to, int revision);

    [LoggerMessage(EventId = 9802, Level = LogLevel.Information,
        Message = "SKP {Kunci} was changed by another writer: expected revision {Expected}, stored {Stored}; nothing written (Azure Tables)")]
    public static partial void Conflict(ILogger logger, string kunci, int expected, int stored);

    [LoggerMessage(EventId = 9803, Level = LogLevel.Information, Message = "SKP workflow of {KodeKantor} seeded in Azure Tables: {Count} new contracts")]
    public static partial void Seeded(ILogger logger, string kodeKantor, int count);

    [LoggerMessage(EventId = 9804, Level = LogLevel.Information, Message = "Delegation {Id} of {KodeKantor} saved to Azure Tables ({Start} to {End})")]
    public static partial void DelegationSaved(ILogger logger, string kodeKantor, string id, DateOnly start, DateOnly end);

    [LoggerMessage(EventId = 9805, Level = LogLevel.Information, Message = "Delegation {Id} of {KodeKantor} removed from Azure Tables")]
    public static partial void DelegationRemoved(ILogger logger, string kodeKantor, string id);
}
