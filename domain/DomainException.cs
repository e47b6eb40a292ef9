namespace Kinerja.Domain;

/// <summary>A rule of the domain was broken. The message is Bahasa Indonesia and safe to show to a user.</summary>
public class DomainException(string message) : Exception(message);
