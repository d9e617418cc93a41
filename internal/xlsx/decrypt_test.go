package xlsx

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"crypto/sha512"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"reflect"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// Encrypted packages are decrypted by our own ECMA-376 code (issue 20): what excelize writes
// (agile, AES-256 and SHA-512), agile with AES-128 and SHA-1, standard encryption with
// AES-128; other ciphers are ErrUnsupportedEncryption, not a wrong password.

// A workbook excelize saved with a password (excelize writes packages under 4096 bytes into
// a mini stream its own root entry does not hold, so the workbook is a full one).
func TestDecryptExcelize(t *testing.T) {
	t.Parallel()
	plain, err := hostile.Book("台账", hostile.Ledger("市统计局", 1, 30))
	if err != nil {
		t.Fatal(err)
	}
	want, err := openBytes(plain)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := hostile.Encrypt(plain, "督查2024")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(bytes.NewReader(enc), int64(len(enc)), Options{Password: "督查2024"})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Sheets[0].Rows; len(got) != 31 || !reflect.DeepEqual(got, want.Sheets[0].Rows) {
		t.Errorf("%d rows, differing from the workbook's %d", len(got), len(want.Sheets[0].Rows))
	}
	for _, pw := range []string{"督查2025", "", "x"} {
		_, err := Open(bytes.NewReader(enc), int64(len(enc)), Options{Password: pw})
		want := ErrWrongPassword
		if pw == "" {
			want = ErrEncrypted
		}
		if !errors.Is(err, want) {
			t.Errorf("password %q: err = %v, want %v", pw, err, want)
		}
	}
}

// testAgile encrypts pkg as agile encryption does, with the given cipher and hash names
// (only AES and SHA-1/SHA-512 can actually encrypt here; the names are written as given).
func testAgile(t *testing.T, pkg []byte, password, cipherName string, keyBits int, hashName string) []byte {
	t.Helper()
	h := map[string]func() hash.Hash{"SHA1": sha1.New, "SHA512": sha512.New}[hashName]
	salt := bytes.Repeat([]byte{7}, 16)
	dataSalt := bytes.Repeat([]byte{9}, 16)
	secret := bytes.Repeat([]byte{0x42}, keyBits/8)
	hn := sum(h, salt, passwordBytes(password))
	var it [4]byte
	const spin = 1000
	for i := range spin {
		binary.LittleEndian.PutUint32(it[:], uint32(i))
		hn = sum(h, it[:], hn)
	}
	enc := func(key, iv, in []byte) []byte {
		in = append(bytes.Clone(in), make([]byte, (16-len(in)%16)%16)...)
		block, err := aes.NewCipher(key)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]byte, len(in))
		cipher.NewCBCEncrypter(block, iv[:16]).CryptBlocks(out, in)
		return out
	}
	derive := func(b []byte) []byte { return fit(sum(h, hn, b), keyBits/8) }
	verifier := bytes.Repeat([]byte{3}, 16)
	b64 := base64.StdEncoding.EncodeToString
	params := fmt.Sprintf(`saltSize="16" blockSize="16" keyBits="%d" hashSize="%d" cipherAlgorithm="%s" cipherChaining="ChainingModeCBC" hashAlgorithm="%s"`,
		keyBits, h().Size(), cipherName, hashName)
	xmlInfo := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">` +
		`<keyData ` + params + ` saltValue="` + b64(dataSalt) + `"/>` +
		`<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="1000" ` + params +
		` saltValue="` + b64(salt) + `" encryptedVerifierHashInput="` + b64(enc(derive(blockVerifierInput), salt, verifier)) +
		`" encryptedVerifierHashValue="` + b64(enc(derive(blockVerifierValue), salt, sum(h, verifier))) +
		`" encryptedKeyValue="` + b64(enc(derive(blockKeyValue), salt, secret)) + `"/></keyEncryptor></keyEncryptors></encryption>`
	data := binary.LittleEndian.AppendUint64(nil, uint64(len(pkg)))
	for i := 0; i < len(pkg); i += 4096 {
		binary.LittleEndian.PutUint32(it[:], uint32(i/4096))
		data = append(data, enc(secret, fit(sum(h, dataSalt, it[:]), 16), pkg[i:min(i+4096, len(pkg))])...)
	}
	info := append([]byte{4, 0, 4, 0, 0x40, 0, 0, 0}, xmlInfo...)
	return hostile.CFB(hostile.Stream{Name: "EncryptionInfo", Data: info}, hostile.Stream{Name: "EncryptedPackage", Data: data})
}

// testStandard encrypts pkg with standard encryption: AES-ECB, SHA-1, the given algorithm id.
// It derives the key itself, written out from ECMA-376 (MS-OFFCRYPTO 2.3.4.7) rather than
// calling standardDecrypt's code, on purpose: no real workbook with standard encryption is
// among the tests, so this copy is what would catch a change to the derivation.
func testStandard(t *testing.T, pkg []byte, password string, alg uint32, keyBits int) []byte {
	t.Helper()
	salt := bytes.Repeat([]byte{5}, 16)
	hn := sum(sha1.New, salt, passwordBytes(password))
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
		t.Fatal(err)
	}
	ecb := func(in []byte) []byte {
		in = append(bytes.Clone(in), make([]byte, (16-len(in)%16)%16)...)
		out := make([]byte, len(in))
		for i := 0; i < len(in); i += 16 {
			block.Encrypt(out[i:], in[i:])
		}
		return out
	}
	verifier := bytes.Repeat([]byte{1}, 16)
	head := binary.LittleEndian.AppendUint32(nil, 0x24) // fCryptoAPI | fAES
	head = binary.LittleEndian.AppendUint32(head, 0)
	head = binary.LittleEndian.AppendUint32(head, alg)
	head = binary.LittleEndian.AppendUint32(head, algSHA1)
	head = binary.LittleEndian.AppendUint32(head, uint32(keyBits))
	head = binary.LittleEndian.AppendUint32(head, 0x18)
	head = append(head, make([]byte, 8)...)
	head = append(head, passwordBytes("Microsoft Enhanced RSA and AES Cryptographic Provider\x00")...)
	info := []byte{3, 0, 2, 0, 0x24, 0, 0, 0}
	info = binary.LittleEndian.AppendUint32(info, uint32(len(head)))
	info = append(info, head...)
	info = binary.LittleEndian.AppendUint32(info, 16)
	info = append(info, salt...)
	info = append(info, ecb(verifier)...)
	info = binary.LittleEndian.AppendUint32(info, 20)
	info = append(info, ecb(sum(sha1.New, verifier))...)
	data := append(binary.LittleEndian.AppendUint64(nil, uint64(len(pkg))), ecb(pkg)...)
	return hostile.CFB(hostile.Stream{Name: "EncryptionInfo", Data: info}, hostile.Stream{Name: "EncryptedPackage", Data: data})
}

func TestDecryptCiphers(t *testing.T) {
	t.Parallel()
	plain := oneSheet(t, plainRows, nil)
	for _, c := range []struct {
		name string
		data []byte
		want error
	}{
		{"agile AES-128 SHA-1", testAgile(t, plain, "pw", "AES", 128, "SHA1"), nil},
		{"agile AES-256 SHA-512", testAgile(t, plain, "pw", "AES", 256, "SHA512"), nil},
		{"agile RC2", testAgile(t, plain, "pw", "RC2", 128, "SHA1"), ErrUnsupportedEncryption},
		{"agile DES", testAgile(t, plain, "pw", "DES", 128, "SHA1"), ErrUnsupportedEncryption},
		{"agile 3DES", testAgile(t, plain, "pw", "3DES", 128, "SHA1"), ErrUnsupportedEncryption},
		{"standard AES-128", testStandard(t, plain, "pw", algAES128, 128), nil},
		{"standard RC4", testStandard(t, plain, "pw", 0x6801, 128), ErrUnsupportedEncryption},
	} {
		b, err := Open(bytes.NewReader(c.data), int64(len(c.data)), Options{Password: "pw"})
		switch {
		case c.want != nil:
			if !errors.Is(err, c.want) {
				t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case !reflect.DeepEqual(b.Sheets[0].Rows, plainWant):
			t.Errorf("%s: rows = %v, want %v", c.name, b.Sheets[0].Rows, plainWant)
		}
		if c.want == nil {
			if _, err := Open(bytes.NewReader(c.data), int64(len(c.data)), Options{Password: "pw2"}); !errors.Is(err, ErrWrongPassword) {
				t.Errorf("%s, wrong password: err = %v, want ErrWrongPassword", c.name, err)
			}
		}
	}
}
