package io.ferrymq.engine.local;

import io.ferrymq.engine.EngineException;
import io.ferrymq.engine.ErrorCode;
import io.ferrymq.engine.sqs.MessageAttributeValue;
import io.ferrymq.engine.sqs.MessageSystemAttributeName;

import java.math.BigDecimal;
import java.util.Map;

/** The SQS rules for a message's body and attributes, with the service's error texts. */
final class MessageValidator {
    static final int MAX_ATTRIBUTES = 10;
    static final int MAX_ATTRIBUTE_NAME_LENGTH = 256;
    static final int MAX_DATA_TYPE_LENGTH = 256;

    private MessageValidator() {
    }

    /** Checks the body and attributes, and their size (as SQS counts it) against MaximumMessageSize. */
    static void validate(String body, Map<String, MessageAttributeValue> attributes,
                        Map<String, MessageAttributeValue> systemAttributes, int maximumMessageSize) {
        if (body == null || body.isEmpty()) {
            throw Errors.missingParameter("MessageBody");
        }
        int size = checkedUtf8Length(body, "message body");
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw Errors.invalidParameter("Number of message attributes [" + attributes.size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        for (Map.Entry<String, MessageAttributeValue> e : attributes.entrySet()) {
            checkAttribute(e.getKey(), e.getValue(), "Message (user)");
            size += e.getValue().sizeInBytes(e.getKey());
        }
        for (Map.Entry<String, MessageAttributeValue> e : systemAttributes.entrySet()) {
            if (!e.getKey().equals(MessageSystemAttributeName.AWS_TRACE_HEADER)) {
                throw Errors.invalidParameter("Message system attribute name '" + e.getKey() + "' is invalid.");
            }
            checkAttribute(e.getKey(), e.getValue(), "Message system");
            if (!e.getValue().dataType().equals("String")) {
                throw Errors.invalidParameter("The message system attribute '" + e.getKey()
                        + "' must have a data type of String.");
            }
        }
        if (size > maximumMessageSize) {
            throw Errors.invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than "
                    + maximumMessageSize + " bytes.");
        }
    }

    /** SQS allows #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
    static void checkCharacters(String text, String where) {
        checkedUtf8Length(text, where);
    }

    /**
     * Checks the characters as {@link #checkCharacters} does and returns the text's length in UTF-8, in one pass over
     * the chars (this is on every send's path: printable ASCII takes the first branch and nothing else).
     */
    static int checkedUtf8Length(String text, String where) {
        int n = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                n++;
            } else if (c < 0x20) {
                if (c != 0x9 && c != 0xA && c != 0xD) {
                    throw invalidCharacter(c, where);
                }
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4; // #x10000 to #x10FFFF: all allowed
                i++;
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                throw invalidCharacter(c, where);
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static EngineException invalidCharacter(int cp, String where) {
        return new EngineException(ErrorCode.INVALID_MESSAGE_CONTENTS,
                "Invalid binary character '#x" + Integer.toHexString(cp).toUpperCase()
                        + "' was found in the " + where + ", the set of allowed characters is #x9 | #xA | #xD"
                        + " | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].");
    }

    private static void checkAttribute(String name, MessageAttributeValue value, String kind) {
        checkAttributeName(name, kind);
        String type = value == null ? null : value.dataType();
        if (type == null || type.isEmpty()) {
            throw Errors.invalidParameter("The type of message (user) attribute '" + name + "' is invalid. You must"
                    + " use only the following supported type prefixes: Binary, Number, String.");
        }
        if (type.length() > MAX_DATA_TYPE_LENGTH) {
            throw Errors.invalidParameter(kind + " attribute type must be shorter than " + MAX_DATA_TYPE_LENGTH
                    + " bytes.");
        }
        String base = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
        if (type.endsWith(".") || !(base.equals("String") || base.equals("Number") || base.equals("Binary"))) {
            throw Errors.invalidParameter("The type of message (user) attribute '" + name + "' is invalid. You must use"
                    + " only the following supported type prefixes: Binary, Number, String.");
        }
        if (base.equals("Binary")) {
            byte[] bytes = value.binaryValue();
            if (bytes == null || bytes.length == 0) {
                throw Errors.invalidParameter(kind + " attribute '" + name
                        + "' must contain a non-empty value of type '" + type + "'.");
            }
            return;
        }
        String s = value.stringValue();
        if (s == null || s.isEmpty()) {
            throw Errors.invalidParameter(kind + " attribute '" + name
                    + "' must contain a non-empty value of type '" + type + "'.");
        }
        checkCharacters(s, "message attribute '" + name + "'");
        if (base.equals("Number")) {
            checkNumber(name, s);
        }
    }

    /** SQS numbers: up to 38 significant digits, between -10^128 and 10^126. */
    private static void checkNumber(String name, String s) {
        BigDecimal n;
        try {
            n = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw Errors.invalidParameter("Can't cast the value of message (user) attribute '" + name
                    + "' to a number.");
        }
        if (n.precision() > 38 || n.abs().compareTo(BigDecimal.TEN.pow(126)) > 0
                || (n.signum() != 0 && n.abs().compareTo(BigDecimal.ONE.movePointLeft(128)) < 0)) {
            throw Errors.invalidParameter("Value of message (user) attribute '" + name
                    + "' is out of range for type Number.");
        }
    }

    private static void checkAttributeName(String name, String kind) {
        if (name == null || name.isEmpty()) {
            throw Errors.invalidParameter("The request must contain non-empty message (user) attribute names.");
        }
        if (name.length() > MAX_ATTRIBUTE_NAME_LENGTH) {
            throw Errors.invalidParameter(kind + " attribute name must be shorter than " + MAX_ATTRIBUTE_NAME_LENGTH
                    + " bytes.");
        }
        if (kind.startsWith("Message system")) {
            return;
        }
        String lower = name.toLowerCase();
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw Errors.invalidParameter("You can't use message attribute names beginning with 'AWS.' or 'Amazon'."
                    + " These strings are reserved for internal use.");
        }
        if (name.startsWith(".")) {
            throw Errors.invalidParameter("Message (user) attribute name must not begin with character '.'.");
        }
        if (name.endsWith(".")) {
            throw Errors.invalidParameter("Message (user) attribute name must not end with character '.'.");
        }
        if (name.contains("..")) {
            throw Errors.invalidParameter("Message (user) attribute name must not have successive '.' characters.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || c == '.')) { // SQS documents ASCII letters and digits only
                throw Errors.invalidParameter("The message attribute name '" + name + "' is invalid. Attribute name"
                        + " can contain A-Z, a-z, 0-9, underscore (_), hyphen (-), and period (.) characters.");
            }
        }
    }
}
