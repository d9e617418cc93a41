package xlsx

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"hash"
	"strings"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"
)

// Decryption of a password-protected OOXML package (ECMA-376 Part 2 / MS-OFFCRYPTO): the
// compound file holds an EncryptionInfo stream and the EncryptedPackage. Agile encryption
// (what Excel 2010 and later, WPS and excelize write) and standard encryption (Excel 2007)
// with AES are read; RC2, DES, 3DES, RC4 and extensible encryption are
// ErrUnsupportedEncryption.

// Block keys of agile encryption (MS-OFFCRYPTO 2.3.4.13).
var (
	blockVerifierInput = []byte{0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79}
	blockVerifierValue = []byte{0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e}
	blockKeyValue      = []byte{0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6}
)

// maxSpinCount bounds the key derivation's rounds (Excel writes 100,000); the specification
// allows 10,000,000.
const maxSpinCount = 10_000_000

// decryptPackage returns the zip package inside an encrypted compound file:
// ErrWrongPassword when the password does not open it, ErrUnsupportedEncryption for a
// cipher not read here, a *FormatError when the encryption streams are damaged.
func decryptPackage(cf *mscfb.Reader, size, limit int64, password string) ([]byte, error) {
	infoFile, pkgFile := rootStream(cf, "EncryptionInfo"), rootStream(cf, "EncryptedPackage")
	if infoFile == nil || pkgFile == nil {
		return nil, &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrMissingPart}
	}
	info, err := readStream(infoFile, "EncryptionInfo", size, limit)
	if err != nil {
		return nil, err
	}
	pkg, err := readStream(pkgFile, "EncryptedPackage", size, limit)
	if err != nil {
		return nil, err
	}
	if len(info) < 8 || len(pkg) < 8 {
		return nil, &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrTruncated}
	}
	pw := passwordBytes(password)
	major, minor := binary.LittleEndian.Uint16(info), binary.LittleEndian.Uint16(info[2:])
	var out []byte
	switch {
	case major == 4 && minor == 4:
		out, err = agileDecrypt(info[8:], pkg, pw)
	case major >= 2 && major <= 4 && minor == 2:
		out, err = standardDecrypt(info[8:], pkg, pw)
	default: // extensible encryption, or a version not known
		return nil, ErrUnsupportedEncryption
	}
	if err != nil {
		return nil, err
	}
	if len(out) < 4 || string(out[:2]) != "PK" {
		return nil, ErrWrongPassword
	}
	return out, nil
}

// passwordBytes is the password as UTF-16LE, as the key derivation hashes it.
func passwordBytes(password string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(password)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

func newHash(name string) func() hash.Hash {
	switch strings.ToUpper(strings.ReplaceAll(name, "-", "")) {
	case "SHA1":
		return sha1.New
	case "SHA256":
		return sha256.New
	case "SHA384":
		return sha512.New384
	case "SHA512":
		return sha512.New
	case "MD5":
		return md5.New
	}
	return nil
}

func sum(h func() hash.Hash, parts ...[]byte) []byte {
	d := h()
	for _, p := range parts {
		d.Write(p)
	}
	return d.Sum(nil)
}

// fit truncates b to n bytes, or pads it with 0x36 (MS-OFFCRYPTO 2.3.4.12).
func fit(b []byte, n int) []byte {
	if len(b) >= n {
		return b[:n]
	}
	return append(bytes.Clone(b), bytes.Repeat([]byte{0x36}, n-len(b))...)
}

type agileParams struct {
	SaltSize        int    `xml:"saltSize,attr"`
	BlockSize       int    `xml:"blockSize,attr"`
	KeyBits         int    `xml:"keyBits,attr"`
	HashSize        int    `xml:"hashSize,attr"`
	CipherAlgorithm string `xml:"cipherAlgorithm,attr"`
	CipherChaining  string `xml:"cipherChaining,attr"`
	HashAlgorithm   string `xml:"hashAlgorithm,attr"`
	SaltValue       string `xml:"saltValue,attr"`
}

type agileInfo struct {
	KeyData       agileParams `xml:"keyData"`
	KeyEncryptors []struct {
		URI string `xml:"uri,attr"`
		Key struct {
			agileParams
			SpinCount                  int    `xml:"spinCount,attr"`
			EncryptedVerifierHashInput string `xml:"encryptedVerifierHashInput,attr"`
			EncryptedVerifierHashValue string `xml:"encryptedVerifierHashValue,attr"`
			EncryptedKeyValue          string `xml:"encryptedKeyValue,attr"`
		} `xml:"encryptedKey"`
	} `xml:"keyEncryptors>keyEncryptor"`
}

// supported reports whether parameters name a cipher read here: AES in CBC mode, with a hash
// of the standard library.
func (p *agileParams) supported() bool {
	return strings.EqualFold(p.CipherAlgorithm, "AES") && p.CipherChaining == "ChainingModeCBC" &&
		(p.KeyBits == 128 || p.KeyBits == 192 || p.KeyBits == 256) && p.BlockSize == aes.BlockSize &&
		newHash(p.HashAlgorithm) != nil
}

func agileDecrypt(info, pkg, pw []byte) ([]byte, error) {
	var ai agileInfo
	if err := xml.Unmarshal(info, &ai); err != nil {
		return nil, &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrSyntax}
	}
	var ek *agileParams
	k := -1
	for i := range ai.KeyEncryptors {
		if ai.KeyEncryptors[i].URI == "" || strings.HasSuffix(ai.KeyEncryptors[i].URI, "/password") {
			k = i
			break
		}
	}
	if k < 0 {
		return nil, ErrUnsupportedEncryption // a certificate only
	}
	key := &ai.KeyEncryptors[k].Key
	ek = &key.agileParams
	if !ek.supported() || !ai.KeyData.supported() {
		return nil, ErrUnsupportedEncryption
	}
	if key.SpinCount < 0 || key.SpinCount > maxSpinCount {
		return nil, &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrSyntax}
	}
	b64 := base64.StdEncoding.DecodeString
	salt, err1 := b64(key.SaltValue)
	verIn, err2 := b64(key.EncryptedVerifierHashInput)
	verVal, err3 := b64(key.EncryptedVerifierHashValue)
	keyVal, err4 := b64(key.EncryptedKeyValue)
	dataSalt, err5 := b64(ai.KeyData.SaltValue)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil || len(salt) != aes.BlockSize {
		return nil, &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrSyntax}
	}
	h := newHash(ek.HashAlgorithm)
	hn := sum(h, salt, pw)
	var it [4]byte
	for i := range key.SpinCount {
		binary.LittleEndian.PutUint32(it[:], uint32(i))
		hn = sum(h, it[:], hn)
	}
	derive := func(block []byte) []byte { return fit(sum(h, hn, block), ek.KeyBits/8) }
	input, ok1 := cbcDecrypt(derive(blockVerifierInput), salt, verIn)
	value, ok2 := cbcDecrypt(derive(blockVerifierValue), salt, verVal)
	secret, ok3 := cbcDecrypt(derive(blockKeyValue), salt, keyVal)
	hs := h().Size()
	if !ok1 || !ok2 || !ok3 || len(input) < len(salt) || len(value) < hs || len(secret) < ai.KeyData.KeyBits/8 {
		return nil, &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrTruncated}
	}
	if subtle.ConstantTimeCompare(sum(h, input[:len(salt)]), value[:hs]) != 1 {
		return nil, ErrWrongPassword
	}
	secret = secret[:ai.KeyData.KeyBits/8]
	// The package: its size, then segments of 4096 bytes, each with its own IV.
	n := binary.LittleEndian.Uint64(pkg)
	data := pkg[8:]
	if len(data)%aes.BlockSize != 0 || n > uint64(len(data)) {
		return nil, &FormatError{Part: "EncryptedPackage", Offset: -1, Err: ErrTruncated}
	}
	dh := newHash(ai.KeyData.HashAlgorithm)
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i += 4096 {
		binary.LittleEndian.PutUint32(it[:], uint32(i/4096))
		seg, ok := cbcDecrypt(secret, fit(sum(dh, dataSalt, it[:]), aes.BlockSize), data[i:min(i+4096, len(data))])
		if !ok {
			return nil, ErrWrongPassword
		}
		out = append(out, seg...)
	}
	return out[:n], nil
}

// cbcDecrypt decrypts whole AES blocks with the key and IV; false if they do not fit.
func cbcDecrypt(key, iv, in []byte) ([]byte, bool) {
	block, err := aes.NewCipher(key)
	if err != nil || len(iv) < aes.BlockSize || len(in)%aes.BlockSize != 0 {
		return nil, false
	}
	out := make([]byte, len(in))
	cipher.NewCBCDecrypter(block, iv[:aes.BlockSize]).CryptBlocks(out, in)
	return out, true
}

// ecbDecrypt decrypts whole AES blocks, each on its own.
func ecbDecrypt(block cipher.Block, in []byte) []byte {
	out := make([]byte, len(in)-len(in)%aes.BlockSize)
	for i := 0; i < len(out); i += aes.BlockSize {
		block.Decrypt(out[i:], in[i:])
	}
	return out
}

// Algorithm identifiers of standard encryption.
const (
	algAES128 = 0x660E
	algAES192 = 0x660F
	algAES256 = 0x6610
	algSHA1   = 0x8004
)

// standardDecrypt reads standard encryption (MS-OFFCRYPTO 2.3.4.5): an EncryptionHeader and
// EncryptionVerifier after the version and flags, the key derived with SHA-1, the package
// in AES-ECB.
func standardDecrypt(info, pkg, pw []byte) ([]byte, error) {
	damaged := &FormatError{Part: "EncryptionInfo", Offset: -1, Err: ErrTruncated}
	if len(info) < 4 {
		return nil, damaged
	}
	hsize := int(binary.LittleEndian.Uint32(info))
	if hsize < 32 || hsize > len(info)-4 {
		return nil, damaged
	}
	head, ver := info[4:4+hsize], info[4+hsize:]
	alg, algHash := binary.LittleEndian.Uint32(head[8:]), binary.LittleEndian.Uint32(head[12:])
	keyBits := int(binary.LittleEndian.Uint32(head[16:]))
	switch {
	case alg != algAES128 && alg != algAES192 && alg != algAES256, algHash != 0 && algHash != algSHA1:
		return nil, ErrUnsupportedEncryption // RC4 CryptoAPI, or a hash other than SHA-1
	case keyBits != 128 && keyBits != 192 && keyBits != 256:
		return nil, ErrUnsupportedEncryption
	}
	if len(ver) < 4+16+16+4+32 || binary.LittleEndian.Uint32(ver) != 16 {
		return nil, damaged
	}
	salt, encVerifier, encHash := ver[4:20], ver[20:36], ver[40:72]
	hn := sum(sha1.New, salt, pw)
	var it [4]byte
	for i := range 50000 {
		binary.LittleEndian.PutUint32(it[:], uint32(i))
		hn = sum(sha1.New, it[:], hn)
	}
	hfinal := sum(sha1.New, hn, []byte{0, 0, 0, 0})
	x := func(c byte) []byte {
		buf := bytes.Repeat([]byte{c}, 64)
		for i, b := range hfinal {
			buf[i] ^= b
		}
		return sum(sha1.New, buf)
	}
	key := append(x(0x36), x(0x5c)...)[:keyBits/8]
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, ErrUnsupportedEncryption
	}
	verifier := ecbDecrypt(block, encVerifier)
	if subtle.ConstantTimeCompare(sum(sha1.New, verifier), ecbDecrypt(block, encHash)[:sha1.Size]) != 1 {
		return nil, ErrWrongPassword
	}
	n := binary.LittleEndian.Uint64(pkg)
	out := ecbDecrypt(block, pkg[8:])
	if n > uint64(len(out)) {
		return nil, &FormatError{Part: "EncryptedPackage", Offset: -1, Err: ErrTruncated}
	}
	return out[:n], nil
}
